/**
 * Client portal under load, against `wrangler dev`: one client with 2 000 issued
 * invoices (written through the db package with libSQL on the local D1 file), 50
 * concurrent connections per page, p50/p95 next to two baselines in the same run (a
 * static asset, and the sign-in page, which is one D1 read). Then the ZIP of 500
 * invoices: cold (every PDF rendered), warm (PDFs cached, new ZIP), and repeated (ZIP
 * from R2), with the workerd process's peak resident memory while it streams.
 * Run: pnpm bench:portal
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LineInput, totals } from '@clientele/core';
import {
  clientFields,
  createClient,
  createTenantWithOwner,
  type DocumentSnapshot,
  newId,
  schema,
} from '@clientele/db';
import { createLibsqlDb } from '@clientele/db/libsql';
import { createClient as libsql } from '@libsql/client';
import autocannon from 'autocannon';
import { localD1File, migrateLocal, startDevServer } from '../scripts/lib/dev-server';
import { hashPassword } from '../workers/services/auth/password';

const INVOICES = 2_000;
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DURATION = Number(process.env.DURATION ?? 10);
const ZIP_SIZE = 500;
const STATUSES = ['sent', 'viewed', 'partial', 'paid', 'paid', 'void'] as const;

const persistTo = mkdtempSync(join(tmpdir(), 'clientele-bench-portal-'));
migrateLocal(persistTo);
const sqlite = libsql({ url: `file:${localD1File(persistTo)}` });
const db = createLibsqlDb(sqlite);
const password = 'bench-password-1';
const { tenantId } = await createTenantWithOwner(db, {
  businessName: 'Bench Portal',
  email: 'bench-portal@example.com',
  passwordHash: await hashPassword(password),
  currency: 'EUR',
  locale: 'en',
});
const client = await createClient(
  db,
  tenantId,
  clientFields('Ana Conceição', { language: 'pt', currency: 'EUR' }),
);
const lines: LineInput[] = [
  { description: 'Consultoria — sprint de design', quantity: 3, unitPrice: 45_000, taxes: [{ rate: 23 }] },
  { description: 'Alojamento e manutenção', quantity: 1, unitPrice: 9_900, taxes: [{ rate: 23 }] },
];
const t = totals(lines);
const address = {
  street: 'Rua Augusta 10',
  city: 'Lisboa',
  state: null,
  postalCode: '1100-053',
  country: 'PT',
};
let rows: (typeof schema.documents.$inferInsert)[] = [];
const ids: string[] = [];
const base = Date.UTC(2021, 0, 1);
for (let i = 0; i < INVOICES; i++) {
  const status = STATUSES[i % STATUSES.length]!;
  const issueDate = new Date(base + i * 86_400_000).toISOString().slice(0, 10);
  const dueDate = new Date(base + (i + 30) * 86_400_000).toISOString().slice(0, 10);
  const number = `INV-B-${String(i + 1).padStart(5, '0')}`;
  const snapshot: DocumentSnapshot = {
    number,
    type: 'invoice',
    language: 'pt',
    currency: 'EUR',
    issueDate,
    dueDate,
    validUntil: null,
    seller: { name: 'Bench Portal', email: null, phone: null, address, taxId: 'PT500000000', logoKey: null },
    billTo: {
      name: 'Ana Conceição',
      company: null,
      email: 'ana@example.pt',
      billingAddress: address,
      taxId: null,
    },
    totals: t,
    discountPercent: 0,
    notes: null,
    footer: null,
  };
  const id = newId('inv');
  ids.push(id);
  rows.push({
    id,
    tenantId,
    clientId: client.id,
    type: 'invoice',
    status,
    number,
    currency: 'EUR',
    language: 'pt',
    issueDate,
    dueDate,
    lines,
    snapshot,
    subtotal: t.subtotal,
    discountTotal: t.discountTotal,
    taxTotal: t.taxTotal,
    total: t.total,
    amountPaid: status === 'paid' ? t.total : status === 'partial' ? 10_000 : 0,
    sentAt: new Date(base + i * 86_400_000),
    createdAt: new Date(base + i * 86_400_000),
    updatedAt: new Date(base + i * 86_400_000),
  });
  if (rows.length === 500) {
    await db.insert(schema.documents).values(rows);
    rows = [];
  }
}
if (rows.length) await db.insert(schema.documents).values(rows);
sqlite.close();

/** Resident memory of the workerd processes under wrangler (what serves the Worker). */
let workerdPids: string[] = [];
function workerdRssKiB(): number {
  let total = 0;
  for (const pid of workerdPids) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // exited
    }
  }
  return total;
}

const server = await startDevServer({ persistTo, inheritOutput: process.env.VERBOSE === '1' });
try {
  workerdPids = execFileSync('pgrep', ['-f', 'workerd'], { encoding: 'utf8' }).trim().split('\n');
  const signin = await fetch(`${server.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench-portal@example.com', password }),
  });
  const admin = /clientele_admin_session=[^;]+/.exec(signin.headers.get('set-cookie') ?? '')![0];
  const link = (await (
    await fetch(`${server.url}/api/v1/clients/${client.id}/portal-links`, {
      method: 'POST',
      headers: { cookie: admin, origin: server.url },
    })
  ).json()) as { url: string };
  const login = await fetch(link.url, {
    method: 'POST',
    headers: { origin: server.url },
    redirect: 'manual',
  });
  const cookie = /clientele_portal_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];

  const measure = async (label: string, path: string, headers: Record<string, string> = { cookie }) => {
    const probe = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
    if (probe.status >= 400 && probe.status !== 404) throw new Error(`${path}: ${probe.status}`);
    await probe.arrayBuffer();
    await autocannon({ url: `${server.url}${path}`, amount: 100, connections: 10, headers });
    const r = await autocannon({
      url: `${server.url}${path}`,
      duration: DURATION,
      connections: CONNECTIONS,
      headers,
    });
    if (r.errors) throw new Error(`${path}: ${r.errors} errors`);
    return {
      label,
      p50: r.latency.p50,
      p95: r.latency.p97_5 ?? r.latency.p99,
      p99: r.latency.p99,
      rps: r.requests.average,
      status: probe.status,
    };
  };

  const results = process.env.ZIP_ONLY
    ? []
    : [
        await measure('static asset (baseline)', '/', {}),
        await measure('sign-in page, unknown link (1 D1 read)', `/portal/login/${'x'.repeat(43)}`, {}),
        await measure('statement /portal', '/portal'),
        await measure('invoices, by date', '/portal/invoices'),
        await measure('invoices, by status', '/portal/invoices?sort=status&order=asc'),
        await measure('invoices, page 40', '/portal/invoices?page=40'),
        await measure('invoice preview', `/portal/invoices/${ids[1234]}`),
      ];
  const baseline = results[1] ?? { p50: 1 };
  console.log(
    `\nPortal, one client with ${INVOICES} invoices, ${CONNECTIONS} connections × ${DURATION} s, wrangler dev on 127.0.0.1\n`,
  );
  console.log('| page | p50 ms | p97.5 ms | p99 ms | req/s | p50 vs sign-in page |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rps.toFixed(0)} | ${(r.p50 / Math.max(baseline.p50, 0.5)).toFixed(2)}× |`,
    );
  }

  const zip = async (label: string, selection: string[]) => {
    const before = workerdRssKiB();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, workerdRssKiB());
    }, 25);
    const started = performance.now();
    const res = await fetch(`${server.url}/portal/downloads`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: selection }),
    });
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${await res.text()}`);
    let first = 0;
    let bytes = 0;
    const reader = res.body?.getReader();
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      if (!first) first = performance.now() - started;
      bytes += next.value.length;
    }
    const total = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, workerdRssKiB());
    return { label, cache: res.headers.get('x-zip-cache'), first, total, bytes, before, peak };
  };
  const selection = ids.slice(0, ZIP_SIZE);
  // Growth for 50 and for 500 side by side: flat memory means about the same figure.
  const zips = [
    await zip('50 invoices, cold (every PDF rendered)', ids.slice(ZIP_SIZE, ZIP_SIZE + 50)),
    await zip(`${ZIP_SIZE} invoices, cold (every PDF rendered)`, selection),
    await zip(`another ${ZIP_SIZE}, cold`, ids.slice(1000, 1000 + ZIP_SIZE)),
    await zip(`${ZIP_SIZE} invoices again (ZIP from R2)`, selection),
    await zip(`${ZIP_SIZE - 1} of them (PDFs cached, new ZIP)`, selection.slice(1)),
  ];
  console.log(`\nZIP download (POST /portal/downloads), workerd resident memory sampled every 25 ms\n`);
  console.log(
    '| case | cache | first byte ms | total ms | ZIP KiB | workerd RSS before MiB | peak MiB | growth MiB |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const z of zips) {
    console.log(
      `| ${z.label} | ${z.cache} | ${z.first.toFixed(0)} | ${z.total.toFixed(0)} | ${(z.bytes / 1024).toFixed(0)} | ${(z.before / 1024).toFixed(0)} | ${(z.peak / 1024).toFixed(0)} | ${((z.peak - z.before) / 1024).toFixed(1)} |`,
    );
  }
} catch (err) {
  console.error(server.log().slice(-4000));
  throw err;
} finally {
  await server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
