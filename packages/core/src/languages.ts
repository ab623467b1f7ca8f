/** The languages the product speaks: portal, emails, PDFs and (later) the admin app. */
export const LANGUAGES = ['en', 'ru', 'pt', 'it', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string | null | undefined): value is Language {
  return value != null && (LANGUAGES as readonly string[]).includes(value);
}

const LOCALES: Record<Language, string> = {
  en: 'en-US',
  ru: 'ru-RU',
  pt: 'pt-PT',
  it: 'it-IT',
  ja: 'ja-JP',
};

/** Language names as their speakers write them, the way language pickers show them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Русский',
  pt: 'Português',
  it: 'Italiano',
  ja: '日本語',
};

/** The BCP 47 locale used with Intl for each language. */
export function localeOf(lang: Language): string {
  return LOCALES[lang];
}

/** Intl formatters are costly to build and free to reuse: one per language and kind. */
function memo<T>(make: (lang: Language) => T): (lang: Language) => T {
  const cache = new Map<Language, T>();
  return (lang) => {
    let v = cache.get(lang);
    if (v === undefined) {
      v = make(lang);
      cache.set(lang, v);
    }
    return v;
  };
}

const dateFormat = memo((lang) =>
  lang === 'en'
    ? new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' })
    : new Intl.DateTimeFormat(LOCALES[lang], {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        timeZone: 'UTC',
      }),
);
const regionNames = memo((lang) => new Intl.DisplayNames([LOCALES[lang]], { type: 'region' }));
const percentFormat = memo((lang) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 3 }));
const quantityFormat = memo((lang) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 4 }));

/** Dates as readers of each language write them: `Mar 12, 2026`, `12.03.2026`, `2026/03/12`. */
export function formatDate(iso: string, lang: Language): string {
  return dateFormat(lang).format(new Date(`${iso}T00:00:00Z`));
}

export function countryName(code: string | null, lang: Language): string | null {
  if (!code) return null;
  try {
    return regionNames(lang).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatPercent(rate: number, lang: Language): string {
  return `${percentFormat(lang).format(rate)}%`;
}

export function formatQuantity(q: number, lang: Language): string {
  return quantityFormat(lang).format(q);
}
