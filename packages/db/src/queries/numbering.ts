import { type SQL, sql } from 'drizzle-orm';
import type { DocumentType } from '../schema';

/**
 * SQL for the next document number, e.g. `INV-{YYYY}-{seq:4}` → 'INV-2026-' || printf('%04d', seq).
 * The sequence is read inside the same batch that bumps it, so numbers are gapless.
 */
export function numberExpression(format: string, issueDate: string, seq: SQL): SQL {
  const parts: SQL[] = [];
  const re = /\{(YYYY|YY|MM|seq(?::(\d))?)\}/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m.index > last) parts.push(sql`${format.slice(last, m.index)}`);
    const token = m[1]!;
    if (token === 'YYYY') parts.push(sql`${issueDate.slice(0, 4)}`);
    else if (token === 'YY') parts.push(sql`${issueDate.slice(2, 4)}`);
    else if (token === 'MM') parts.push(sql`${issueDate.slice(5, 7)}`);
    else parts.push(sql`printf(${`%0${m[2] ?? '1'}d`}, ${seq})`);
    last = m.index + m[0].length;
  }
  if (last < format.length) parts.push(sql`${format.slice(last)}`);
  return sql.join(parts, sql` || `);
}

/** Numbers restart each year when the format shows the year; credit notes count on their own. */
export function numberScope(type: DocumentType | 'credit_note', format: string, issueDate: string): string {
  return /\{YY(YY)?\}/.test(format) ? `${type}:${issueDate.slice(0, 4)}` : type;
}

/**
 * Two number formats can print the same number (`X{seq}01`, later `X{seq}{YY}`); the
 * unique index refuses the second, and issuing reports it instead of failing.
 */
export class NumberTakenError extends Error {
  constructor() {
    super('document number already used');
  }
}
