import { DOCUMENT_WORDS, type DocumentWords, type Language } from '@clientele/core';

/** Documents print in every language the product speaks. */
export type DocumentLanguage = Language;

/** Every word printed on a document, per language (from the message catalogue). */
export type Labels = DocumentWords;
export const LABELS: Record<DocumentLanguage, Labels> = DOCUMENT_WORDS;
