export { cachingFontkit, type FontSource } from './fonts';
export { assertEmbeddable, type ImageSize, imageSize } from './image';
export { type DocumentLanguage, LABELS } from './labels';
export {
  type PdfDocumentInput,
  type PdfImage,
  type PdfLine,
  type PdfParty,
  RENDERER_VERSION,
  type RenderOptions,
  renderDocumentPdf,
  type Stamp,
} from './render';
export { type PdfStatementInput, renderStatementPdf, type StatementInvoice } from './statement';
