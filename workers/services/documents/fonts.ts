import type { FontSource } from '@clientele/pdf';
import regular from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf';

/** R2 key of the optional Simplified Chinese font: 10 MB, too large to bundle. */
export const SC_FONT_KEY = 'fonts/NotoSansSC-Regular.ttf';

let japanese: Promise<Uint8Array> | undefined;
let chinese: Promise<Uint8Array | null> | undefined;

/**
 * The Latin/Cyrillic/Greek font is bundled (bold is drawn from it); Japanese (5 MB) is a lazily imported module;
 * Simplified Chinese is read from R2 when the deployment has uploaded it. The same
 * byte arrays are reused so the PDF package can reuse their parsed forms.
 */
export function workerFonts(files: R2Bucket): FontSource {
  return {
    regular: REGULAR,
    fallbacks: [
      () => {
        japanese ??= import('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf').then(
          (m) => new Uint8Array(m.default),
        );
        return japanese;
      },
      () => {
        chinese ??= files
          .get(SC_FONT_KEY)
          .then(async (o) => (o ? new Uint8Array(await o.arrayBuffer()) : null))
          .catch(() => {
            chinese = undefined;
            return null;
          });
        return chinese;
      },
    ],
  };
}

const REGULAR = new Uint8Array(regular);
