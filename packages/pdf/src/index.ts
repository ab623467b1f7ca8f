/**
 * Documents to PDF bytes. The renderer arrives with the PDF issue; until then this
 * package only fixes the contract the Worker will call.
 */
export const RENDERER_VERSION = 0;

export type DocumentLanguage = 'en' | 'ru' | 'pt' | 'it' | 'ja';

export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['en', 'ru', 'pt', 'it', 'ja'];

export function isDocumentLanguage(value: string): value is DocumentLanguage {
  return (DOCUMENT_LANGUAGES as readonly string[]).includes(value);
}
