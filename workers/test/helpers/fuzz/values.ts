import fc from 'fast-check';

/** Strings that have broken parsers, queries, templates and pages elsewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '1.5',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '{{constructor}}',
  '{{toString}}',
  '{{__proto__}}',
  '{{ name }}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  "' OR 1=1 --",
  '"; DROP TABLE clients; --',
  "%' OR '1'='1",
  '\\',
  '%',
  '_%_',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '&amp;&lt;&#0;',
  '../../etc/passwd',
  '%2e%2e%2f',
  '%00',
  'a\r\nBcc: victim@evil.test',
  '=?utf-8?B?PHhAeT4NCkJjYzogdmljdGltQGV2aWwudGVzdA==?=',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Egnp.exe\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '🧾💸🔥',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  'Z̸̡̢̛͍̝͙a̷l̶g̵o',
  'Ω≈ç√∫˜µ≤≥÷',
  'ｆｕｌｌｗｉｄｔｈ',
  '日本語のテキスト',
  'Привет, мир',
  'Ünïcödé café',
  '\ud800',
  '\udfff\ud800',
  '\t\n\r\v\f',
];

/** Lengths at a field's limit, just past it, and far past it, in characters that take 1 to 4 bytes. */
export function boundaryString(maxLength: number | undefined): fc.Arbitrary<string> {
  const limit = maxLength ?? 200;
  // Far past the limit, but not so far that building and parsing it eats the time budget.
  const lengths = [limit, limit + 1, Math.min(limit * 4 + 10, 5000)];
  return fc
    .tuple(fc.constantFrom(...lengths), fc.constantFrom('a', 'é', '語', '🧾', "'", '<'))
    .map(([n, ch]) => ch.repeat(ch.length === 2 ? Math.ceil(n / 2) : n));
}

export const anyString = (maxLength?: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
    { weight: 1, arbitrary: boundaryString(maxLength) },
  );

/** Values that look like numbers to someone: negative, huge, fractional, exponent, unsafe. */
export const NASTY_NUMBERS = [
  0,
  -0,
  1,
  -1,
  1.5,
  0.1,
  0.005,
  12.34567,
  -99.99,
  100,
  101,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e12,
  1e12 + 1,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

/** Field names mean more than their schema says; these hints give each a few realistic traps. */
const BY_NAME: [RegExp, string[]][] = [
  [
    /currency/i,
    ['EUR', 'USD', 'JPY', 'BHD', 'ISK', 'XXX', 'XTS', 'ABC', 'eur', 'EURO', '€', 'BTC', 'XAU', 'E', ''],
  ],
  [
    /email|^to$|^from$/i,
    [
      'maria@example.com',
      'not-an-email',
      'a@b',
      '"quoted local"@example.com',
      'ünï@exämple.com',
      'x@example.com\r\nBcc: victim@evil.test',
      `${'a'.repeat(250)}@b.co`,
      'a@b@c',
      '<a@b.co>',
    ],
  ],
  [
    /date|until|^due/i,
    [
      '2026-03-01',
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '0000-00-00',
      '9999-12-31',
      '2026-3-1',
      '2026-03-01T25:00:00Z',
      '1970-01-01',
      '275760-09-13',
      'yesterday',
    ],
  ],
  [/language|locale|^lang$/i, ['en', 'ru', 'pt', 'it', 'ja', 'xx', 'EN', 'en-US', 'zz-ZZ', 'de']],
  [/country/i, ['PT', 'US', 'JP', 'XX', 'pt', 'PRT', '🇵🇹']],
  [
    /format/i,
    ['INV-{YYYY}-{seq:4}', '{seq}', '{seq:99}', '{seq:-1}', '{YYYY}', 'X{seq}01', '{{seq}}', '{seq:4'],
  ],
  [/secret|key$/i, ['sk_test_x', 'pk_test_x', 'whsec_x', 'sk_live_x', 'rk_test_x']],
];

export function namedStrings(name: string | undefined): string[] {
  if (!name) return [];
  return BY_NAME.find(([re]) => re.test(name))?.[1] ?? [];
}

/** JSON that is valid but of any shape, including deep nesting. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, '', 0, -1, [null], { '': null }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(64, 600).map((d) => {
      let v: unknown = 1;
      for (let i = 0; i < d; i++) v = [v];
      return v;
    }),
  },
);
