import { rgb } from '@cantoo/pdf-lib';

export type Stamp = 'PAID' | 'VOID' | 'OVERDUE' | 'DRAFT';

/** Page sizes, spacing and colours shared by every document. */
export const PAPER = { A4: [595.28, 841.89], Letter: [612, 792] } as const;
export const MARGIN = 48;
export const BODY = 9.5;
export const SMALL = 8;
export const LINE = 13;
export const INK = rgb(0.11, 0.12, 0.14);
export const MUTED = rgb(0.38, 0.42, 0.48);
export const RULE = rgb(0.85, 0.87, 0.9);
export const HEADER_FILL = rgb(0.95, 0.96, 0.97);
export const STAMP_COLOR: Record<Stamp, ReturnType<typeof rgb>> = {
  PAID: rgb(0.17, 0.54, 0.24),
  VOID: rgb(0.6, 0.6, 0.6),
  OVERDUE: rgb(0.79, 0.16, 0.16),
  DRAFT: rgb(0.45, 0.5, 0.6),
};
