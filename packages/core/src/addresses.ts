import { countryName, type Language } from './languages';

export interface PostalAddress {
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}

/** Countries that write "City, State Postcode" on one line. */
const CITY_STATE_POSTCODE = new Set(['US', 'CA', 'AU']);

/**
 * An address as its own country writes it, not as the document's language would: a
 * Berlin postcode never gets Japan's 〒, a US address reads "Austin, TX 78701". Japanese
 * order (〒 postcode, prefecture, city) only for addresses in Japan on Japanese documents.
 */
export function addressLines(a: PostalAddress, lang: Language): string[] {
  let cityLine: string;
  if (a.country === 'JP' && lang === 'ja') {
    cityLine = [a.postalCode ? `〒${a.postalCode}` : null, a.state, a.city].filter(Boolean).join(' ');
  } else if (a.country && CITY_STATE_POSTCODE.has(a.country)) {
    cityLine = [[a.city, a.state].filter(Boolean).join(', '), a.postalCode].filter(Boolean).join(' ');
  } else if (a.country === 'GB') {
    cityLine = [a.city, a.postalCode].filter(Boolean).join(' ');
  } else {
    cityLine = [a.postalCode, a.city, a.state].filter(Boolean).join(' ');
  }
  return [a.street, cityLine, countryName(a.country, lang)].filter((s): s is string => Boolean(s?.trim()));
}

/** EU VAT numbers start with their country's code (Greece writes EL). */
const EU_VAT_PREFIX =
  /^(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)\s?[0-9A-Z]/i;

/**
 * The label for a tax ID: the local name where the ID's country is the language's own
 * (ИНН for Russia in Russian, 登録番号 for Japan in Japanese), "VAT ID" wording for an EU
 * VAT number, and a neutral "tax ID" otherwise — never a Russian ИНН label on a German VAT ID.
 */
export function taxIdLabel(
  words: { taxId: string; vatId: string; taxIdHome: { country: string; label: string } },
  country: string | null,
  taxId: string,
): string {
  if (country && country === words.taxIdHome.country) return words.taxIdHome.label;
  if (EU_VAT_PREFIX.test(taxId.trim())) return words.vatId;
  return words.taxId;
}
