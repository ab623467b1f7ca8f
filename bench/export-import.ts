/**
 * Export and import of a business with 1 000 issued invoices (each with a PDF to render),
 * 1 000 payments and a client: rows, files, ZIP bytes and seconds, against `wrangler dev`
 * (its local queue runs the export's steps as production would). Data is written through
 * the db package (libSQL on the local D1's SQLite file) before the server starts.
 * Run: pnpm bench:export   (INVOICES=… to change the size)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LineInput, totals } from '@clientele/core';
import { clientFields, createClient, createTenantWithOwner, newId, schema } from '@clientele/db';
import { createLibsqlDb } from '@clientele/db/libsql';
import { createClient as libsql } from '@libsql/client';
import { localD1File, migrateLocal, startDevServer } from '../scripts/lib/dev-server';
import { hashPassword } from '../workers/services/auth/password';

const INVOICES = Number(process.env.INVOICES ?? 1_000);
const persistTo = mkdtempSync(join(tmpdir(), 'clientele-bench-export-'));
migrateLocal(persistTo);
const sqlite = libsql({ url: `file:${localD1File(persistTo)}` });
const db = createLibsqlDb(sqlite);
const password = 'bench-password-1';
const { tenantId } = await createTenantWithOwner(db, {
  businessName: 'Bench Export',
  email: 'bench-export@example.com',
  passwordHash: await hashPassword(password),
  currency: 'EUR',
  locale: 'en',
});
const client = await createClient(
  db,
  tenantId,
  clientFields('Export Client', { language: 'en', currency: 'EUR' }),
);
const lines: LineInput[] = [
  { description: 'Consulting', quantity: 1.5, unitPrice: 10_000, taxes: [{ rate: 20 }] },
];
const t = totals(lines);
const address = { street: null, city: null, state: null, postalCode: null, country: null };
const base = Date.UTC(2025, 0, 1);
let docs: (typeof schema.documents.$inferInsert)[] = [];
let pays: (typeof schema.payments.$inferInsert)[] = [];
for (let i = 0; i < INVOICES; i++) {
  const day = new Date(base + i * 3_600_000).toISOString().slice(0, 10);
  const number = `INV-2025-${String(i + 1).padStart(4, '0')}`;
  const id = newId('inv');
  docs.push({
    id,
    tenantId,
    clientId: client.id,
    type: 'invoice',
    status: 'paid',
    number,
    currency: 'EUR',
    language: 'en',
    issueDate: day,
    dueDate: day,
    lines,
    subtotal: t.subtotal,
    discountTotal: t.discountTotal,
    taxTotal: t.taxTotal,
    total: t.total,
    amountPaid: t.total,
    snapshot: {
      number,
      type: 'invoice',
      language: 'en',
      currency: 'EUR',
      issueDate: day,
      dueDate: day,
      validUntil: null,
      seller: { name: 'Bench Export', email: null, phone: null, address, taxId: null, logoKey: null },
      billTo: { name: 'Export Client', company: null, email: null, billingAddress: address, taxId: null },
      totals: t,
      discountPercent: 0,
      notes: null,
      footer: null,
    },
    sentAt: new Date(base + i * 1000),
    createdAt: new Date(base + i * 1000),
    updatedAt: new Date(base + i * 1000),
  });
  pays.push({
    id: newId('pay'),
    tenantId,
    invoiceId: id,
    clientId: client.id,
    amount: t.total,
    currency: 'EUR',
    date: day,
    method: 'bank transfer',
    source: 'manual',
    createdAt: new Date(base + i * 1000 + 500),
  });
  if (docs.length === 200) {
    await db.insert(schema.documents).values(docs);
    await db.insert(schema.payments).values(pays);
    docs = [];
    pays = [];
  }
}
if (docs.length) {
  await db.insert(schema.documents).values(docs);
  await db.insert(schema.payments).values(pays);
}
await db.insert(schema.numberSequences).values({ tenantId, scope: 'invoice:2025', value: INVOICES });
sqlite.close();

const server = await startDevServer({ persistTo });
try {
  const url = (p: string) => `${server.url}/api/v1${p}`;
  const origin = { origin: server.url };
  const signin = await fetch(url('/sessions'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...origin },
    body: JSON.stringify({ email: 'bench-export@example.com', password }),
  });
  const cookie = /clientele_admin_session=[^;]+/.exec(signin.headers.get('set-cookie') ?? '')![0];

  const started = Date.now();
  const asked = await fetch(url('/exports'), { method: 'POST', headers: { cookie, ...origin } });
  if (asked.status !== 202) throw new Error(`export: ${asked.status} ${await asked.text()}`);
  const { id } = (await asked.json()) as { id: string };
  let view: { status: string; progress: number; bytes: number | null; error: string | null } = {
    status: 'queued',
    progress: 0,
    bytes: null,
    error: null,
  };
  while (view.status === 'queued' || view.status === 'running') {
    await new Promise((r) => setTimeout(r, 500));
    view = (await (await fetch(url(`/exports/${id}`), { headers: { cookie } })).json()) as typeof view;
    if (Date.now() - started > 20 * 60_000)
      throw new Error(`export still ${view.status} at ${view.progress}%`);
  }
  const exportSeconds = (Date.now() - started) / 1000;
  if (view.status !== 'ready') throw new Error(`export failed: ${view.error}`);
  const zip = new Uint8Array(
    await (await fetch(url(`/exports/${id}/download`), { headers: { cookie } })).arrayBuffer(),
  );
  const signup = await fetch(url('/signup'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...origin },
    body: JSON.stringify({ businessName: 'Bench Import', email: 'bench-import@example.com', password }),
  });
  const importCookie = /clientele_admin_session=[^;]+/.exec(signup.headers.get('set-cookie') ?? '')![0];
  const importStart = Date.now();
  const imported = await fetch(url('/imports'), {
    method: 'POST',
    headers: { cookie: importCookie, 'content-type': 'application/zip', ...origin },
    body: zip,
  });
  const importSeconds = (Date.now() - importStart) / 1000;
  if (imported.status !== 201) throw new Error(`import: ${imported.status} ${await imported.text()}`);
  const { counts } = (await imported.json()) as { counts: Record<string, number> };
  const rows = Object.entries(counts)
    .filter(([k]) => k !== 'files')
    .reduce((a, [, n]) => a + n, 0);

  console.log(
    `\n${INVOICES} issued invoices, wrangler dev on 127.0.0.1, local D1 and R2, queue steps of 100 files\n`,
  );
  console.log('| what | rows | files | ZIP bytes | seconds |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| export (queued → ready, PDFs rendered) | ${rows} | ${counts.files} | ${zip.byteLength} | ${exportSeconds.toFixed(1)} |`,
  );
  console.log(
    `| import (one request) | ${rows} | ${counts.files} | ${zip.byteLength} | ${importSeconds.toFixed(1)} |`,
  );
  console.log(`rows by kind: ${JSON.stringify(counts)}`);
} finally {
  await server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
