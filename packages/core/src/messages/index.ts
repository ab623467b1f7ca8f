import type { Language } from '../languages';
import { en, type Messages } from './en';
import { it } from './it';
import { ja } from './ja';
import { pt } from './pt';
import { ru } from './ru';

export type { Messages };

/** Everything a client or a business user reads, in every language the product speaks. */
export const MESSAGES: Record<Language, Messages> = { en, ru, pt, it, ja };

/** The kinds of email the product sends, each with a built-in template per language. */
export const TEMPLATE_KINDS = [
  'invoice',
  'estimate',
  'reminder',
  'receipt',
  'ticket_reply',
  'portal_link',
  'credit_note',
] as const satisfies readonly (keyof Messages['email'])[];
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
// Every template in the catalogue is a kind, and every kind has a template.
true satisfies [Exclude<keyof Messages['email'], TemplateKind>] extends [never] ? true : false;

/** What the portal reads: the shared words and its own. */
export type PortalWords = Messages['common'] & Messages['portal'];
/** What a PDF prints: the shared words and its own. */
export type DocumentWords = Messages['common'] & Messages['document'];

function merged<T>(pick: (m: Messages) => T): Record<Language, Messages['common'] & T> {
  const out = {} as Record<Language, Messages['common'] & T>;
  for (const [lang, m] of Object.entries(MESSAGES) as [Language, Messages][]) {
    out[lang] = { ...m.common, ...pick(m) };
  }
  return out;
}

export const PORTAL_WORDS: Record<Language, PortalWords> = merged((m) => m.portal);
export const DOCUMENT_WORDS: Record<Language, DocumentWords> = merged((m) => m.document);
export * from './account-mail';
export { CLOSING_WORDS } from './closing';
export { REMINDER_STEP_MAIL, type ReminderStepWords } from './reminders';
export { TWO_FACTOR_MAIL, type TwoFactorMailWords } from './two-factor-mail';
