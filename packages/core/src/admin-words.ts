import type { Language } from './languages';
import { type AdminMessages, adminEn } from './messages/admin/en';
import { adminIt } from './messages/admin/it';
import { adminJa } from './messages/admin/ja';
import { adminPt } from './messages/admin/pt';
import { adminRu } from './messages/admin/ru';

export type { AdminMessages };

/**
 * The admin app's words in every language the product speaks. A separate entry point
 * (`@clientele/core/admin-words`) so only the app's bundle carries them.
 */
export const ADMIN_WORDS: Record<Language, AdminMessages> = {
  en: adminEn,
  ru: adminRu,
  pt: adminPt,
  it: adminIt,
  ja: adminJa,
};
