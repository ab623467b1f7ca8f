/**
 * Client 360° at 10, 1 000 and 10 000 invoices: median latency and D1 queries per
 * request for /clients/{id}/summary and /clients/{id}/documents, against `wrangler dev`.
 * Data is written through the db package (libSQL on the local D1's SQLite file) before
 * the server starts. The 10-invoice client is the baseline for the ratios.
 * Run: pnpm bench:summary
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type InvoiceStatus, type LineInput, totals } from '@clientele/core';
import { clientFields, createClient, createTenantWithOwner, type Db, newId, schema } from '@clientele/db';
import { createLibsqlDb } from '@clientele/db/libsql';
import { createClient as libsql } from '@libsql/client';
import autocannon from 'autocannon';
import { localD1File, migrateLocal, startDevServer } from '../scripts/lib/dev-server';
import { hashPassword } from '../workers/services/auth/password';

const SIZES = [10, 1_000, 10_000];
const REQUESTS = Number(process.env.REQUESTS ?? 300);
const STATUSES: InvoiceStatus[] = ['sent', 'viewed', 'partial', 'paid', 'paid', 'paid', 'void', 'draft'];
const CURRENCIES = ['EUR', 'USD', 'JPY'];

async function seedInvoices(db: Db, tenantId: string, clientId: string, count: number) {
  const lines: LineInput[] = [
    { description: 'Consulting', quantity: 1.5, unitPrice: 10_000, taxes: [{ rate: 20 }] },
  ];
  const t = totals(lines);
  const base = Date.UTC(2024, 0, 1);
  let rows: (typeof schema.documents.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const status = STATUSES[i % STATUSES.length]!;
    const day = new Date(base + i * 3_600_000).toISOString().slice(0, 10);
    rows.push({
      id: newId('inv'),
      tenantId,
      clientId,
      type: 'invoice',
      status,
      number: status === 'draft' ? null : `INV-${clientId.slice(-4)}-${i}`,
      currency: CURRENCIES[i % CURRENCIES.length]!,
      language: 'en',
      issueDate: day,
      dueDate: day,
      lines,
      subtotal: t.subtotal,
      discountTotal: t.discountTotal,
      taxTotal: t.taxTotal,
      total: t.total,
      amountPaid: status === 'paid' ? t.total : status === 'partial' ? 1000 : 0,
      createdAt: new Date(base + i * 1000),
      updatedAt: new Date(base + i * 1000),
    });
    if (rows.length === 500) {
      await db.insert(schema.documents).values(rows);
      rows = [];
    }
  }
  if (rows.length) await db.insert(schema.documents).values(rows);
}

const persistTo = mkdtempSync(join(tmpdir(), 'clientele-bench-summary-'));
migrateLocal(persistTo);
const client = libsql({ url: `file:${localD1File(persistTo)}` });
const db = createLibsqlDb(client);
const password = 'bench-password-1';
const { tenantId } = await createTenantWithOwner(db, {
  businessName: 'Bench',
  email: 'bench@example.com',
  passwordHash: await hashPassword(password),
  currency: 'EUR',
  locale: 'en',
});
const clientIds: Record<number, string> = {};
const seedStart = Date.now();
for (const size of SIZES) {
  const c = await createClient(
    db,
    tenantId,
    clientFields(`Client with ${size}`, { language: 'en', currency: 'EUR' }),
  );
  await seedInvoices(db, tenantId, c.id, size);
  clientIds[size] = c.id;
}
client.close();
console.log(
  `seeded ${SIZES.reduce((a, b) => a + b, 0)} invoices in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
);

const server = await startDevServer({ persistTo });
try {
  const signin = await fetch(`${server.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password }),
  });
  const cookie = /clientele_admin_session=[^;]+/.exec(signin.headers.get('set-cookie') ?? '')![0];

  const measure = async (path: string) => {
    const probe = await fetch(`${server.url}${path}`, { headers: { cookie } });
    if (!probe.ok) throw new Error(`${path}: ${probe.status} ${await probe.text()}`);
    const queries = Number(/queries=(\d+)/.exec(probe.headers.get('server-timing') ?? '')?.[1]);
    await autocannon({ url: `${server.url}${path}`, amount: 30, connections: 1, headers: { cookie } });
    const r = await autocannon({
      url: `${server.url}${path}`,
      amount: REQUESTS,
      connections: 1,
      headers: { cookie },
    });
    if (r.non2xx || r.errors) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return { p50: r.latency.p50, p90: r.latency.p90, queries };
  };

  const rows: { endpoint: string; size: number; p50: number; p90: number; queries: number }[] = [];
  for (const endpoint of ['summary', 'documents?type=invoice&limit=50']) {
    for (const size of SIZES) {
      const m = await measure(`/api/v1/clients/${clientIds[size]}/${endpoint}`);
      rows.push({ endpoint: endpoint.split('?')[0]!, size, ...m });
    }
  }
  console.log(`\n${REQUESTS} sequential requests per row, wrangler dev on 127.0.0.1, local D1 (SQLite)\n`);
  console.log('| endpoint | invoices | p50 ms | p90 ms | D1 queries | p50 vs 10 invoices |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const base = rows.find((x) => x.endpoint === r.endpoint && x.size === SIZES[0])!;
    console.log(
      `| ${r.endpoint} | ${r.size} | ${r.p50} | ${r.p90} | ${r.queries} | ${(r.p50 / Math.max(base.p50, 0.5)).toFixed(2)}× |`,
    );
  }
} finally {
  await server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
