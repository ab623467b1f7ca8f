import { env } from 'cloudflare:test';
// Test-only import: the deployed Worker reads this font from R2, as here after the put below.
import japanese from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf';
import { beforeAll } from 'vitest';
import { JP_FONT_KEY } from '../../services/documents/fonts';

/** Gives this test file's R2 the Japanese font, as `pnpm fonts:upload` does in production. */
export function withJapaneseFont() {
  beforeAll(async () => {
    await env.FILES.put(JP_FONT_KEY, japanese);
  });
}
