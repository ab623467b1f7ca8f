import { expect } from 'vitest';
import { jsonFile } from './exports';

/** Ids, but not inside an email's Message-ID (`<msg_…@domain>`): those stay as they were sent. */
const ID = /\b(?:ten|cli|inv|est|pay|tkt|msg|eml|att|aud|crn|crd|rec)_[0-9a-z]{24}\b(?!@)/g;

/**
 * The ids of `a` mapped onto those of `b`, position by position through the same JSON
 * (every id of one export must meet exactly one id of the other, both ways), then `a` with
 * its ids replaced: equal to `b` when the two exports hold the same data.
 */
export function mapIds(a: string, b: string): string {
  const left = a.match(ID) ?? [];
  const right = b.match(ID) ?? [];
  expect(right.length, 'both exports name as many ids').toBe(left.length);
  const map = new Map<string, string>();
  const back = new Map<string, string>();
  left.forEach((id, i) => {
    const other = right[i]!;
    expect(map.get(id) ?? other, `${id} always maps to the same id`).toBe(other);
    expect(back.get(other) ?? id, `${other} always comes from the same id`).toBe(id);
    map.set(id, other);
    back.set(other, id);
  });
  return a.replace(ID, (id) => map.get(id)!);
}

/** The row files of two exports, the second's extra lines after the first's set aside. */
export function comparable(files: Record<string, Uint8Array>, keep?: { audit: number; emails: number }) {
  const audit = jsonFile(files, 'audit-log.json');
  const emails = jsonFile(files, 'emails.json');
  const manifest = jsonFile(files, 'manifest.json');
  const settings = jsonFile(files, 'settings.json');
  // A business keeps the moment it was created: an import fills it, it does not re-date it.
  delete settings.business.createdAt;
  return {
    clients: jsonFile(files, 'clients.json'),
    documents: jsonFile(files, 'documents.json'),
    payments: jsonFile(files, 'payments.json'),
    templates: jsonFile(files, 'templates.json'),
    tickets: jsonFile(files, 'tickets.json'),
    creditNotes: jsonFile(files, 'credit-notes.json'),
    credits: jsonFile(files, 'client-credits.json'),
    recurring: jsonFile(files, 'recurring-invoices.json'),
    emails: keep ? emails.slice(0, keep.emails) : emails,
    audit: keep ? audit.slice(0, keep.audit) : audit,
    settings,
    files: manifest.files,
  };
}
