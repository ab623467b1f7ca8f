import { type Language, MESSAGES, TEMPLATE_KINDS, type TemplateKind } from '@clientele/core';

export { TEMPLATE_KINDS, type TemplateKind };

export interface TemplateText {
  subject: string;
  body: string;
}

/**
 * Built-in wording for every kind in every language (from the message catalogue): what a
 * business sends until it writes its own. Bodies are plain text with {{variables}}; the
 * HTML part is derived.
 */
export const BUILT_IN = Object.fromEntries(
  TEMPLATE_KINDS.map((kind) => [
    kind,
    Object.fromEntries(Object.entries(MESSAGES).map(([lang, m]) => [lang, m.email[kind]])),
  ]),
) as Record<TemplateKind, Record<Language, TemplateText>>;
