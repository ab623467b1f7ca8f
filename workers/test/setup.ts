import { applyD1Migrations, env } from 'cloudflare:test';
// Test-only import: the deployed Worker reads this font from R2, as here after the put below.
import japanese from '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf';
import { JP_FONT_KEY } from '../services/documents/fonts';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
// Each test file has its own R2: give it the Japanese font, as `pnpm fonts:upload` does in production.
await env.FILES.put(JP_FONT_KEY, japanese);
