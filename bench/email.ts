/**
 * Email pipeline on `wrangler dev`: (1) send → dev outbox latency for single invoices,
 * (2) consumer throughput for one batch of invoice emails, each rendering and
 * attaching a fresh 1-page PDF, (3) baseline from the same run: rendering that PDF alone.
 * Run: pnpm bench:email
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateLocal, startDevServer } from '../scripts/lib/dev-server';

const BATCH = Number(process.env.BATCH ?? 10);
const SINGLES = Number(process.env.SINGLES ?? 5);

const persistTo = mkdtempSync(join(tmpdir(), 'clientele-bench-email-'));
migrateLocal(persistTo);
const server = await startDevServer({ persistTo });
const api = `${server.url}/api/v1`;
try {
  const signup = await fetch(`${api}/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      businessName: 'Bench Mail',
      email: 'bench@example.com',
      password: 'bench-password-1',
    }),
  });
  const cookie = /clientele_admin_session=[^;]+/.exec(signup.headers.get('set-cookie') ?? '')![0];
  const headers = { cookie, origin: new URL(server.url).origin, 'content-type': 'application/json' };
  const post = async (path: string, body?: unknown) => {
    const r = await fetch(`${api}${path}`, {
      method: 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<any>;
  };
  const client = await post('/clients', { name: 'Maria Oliveira', email: 'maria@example.com' });
  const draft = () =>
    post('/invoices', {
      clientId: client.id,
      lines: [{ description: 'Design work', quantity: 1.5, unitPrice: 8000, taxRate: 23 }],
    });
  const outbox = async () =>
    ((await (await fetch(`${api}/dev/outbox`, { headers })).json()) as { data: { createdAt: string }[] })
      .data;
  const waitFor = async (count: number) => {
    for (let i = 0; i < 600; i++) {
      const o = await outbox();
      if (o.length >= count) return o;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`outbox did not reach ${count}`);
  };

  // Baseline: one fresh 1-page PDF render through the API.
  const pdfTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const inv = await post(`/invoices/${(await draft()).id}/send`);
    const t = performance.now();
    await (await fetch(`${api}/invoices/${inv.id}/pdf?v=${i}`, { headers })).arrayBuffer();
    pdfTimes.push(performance.now() - t);
  }
  await waitFor(5);

  // Single sends: latency from the 202 to the message in the outbox.
  const singles: number[] = [];
  for (let i = 0; i < SINGLES; i++) {
    const before = (await outbox()).length;
    const d = await draft();
    const t = performance.now();
    await post(`/invoices/${d.id}/send`);
    await waitFor(before + 1);
    singles.push(performance.now() - t);
  }

  // One batch: send BATCH invoices at once, then time the consumer from its first to its last message.
  const before = (await outbox()).length;
  const drafts = await Promise.all(Array.from({ length: BATCH }, draft));
  await Promise.all(drafts.map((d) => post(`/invoices/${d.id}/send`)));
  const all = await waitFor(before + BATCH);
  const stamps = all
    .slice(0, BATCH)
    .map((m) => Date.parse(m.createdAt))
    .sort((a, b) => a - b);
  const spanMs = stamps.at(-1)! - stamps[0]!;
  const perEmail = spanMs / Math.max(1, BATCH - 1);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`\nwrangler dev on 127.0.0.1, queue max_batch_size 10, max_batch_timeout 1 s\n`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(
    `| send → outbox, single invoice email (median of ${SINGLES}) | ${median(singles).toFixed(0)} ms |`,
  );
  console.log(
    `| consumer, one batch of ${BATCH} invoice emails with PDF | ${spanMs} ms first→last, ${perEmail.toFixed(0)} ms/email, ${(1000 / perEmail).toFixed(1)} emails/s |`,
  );
  console.log(`| baseline: fresh 1-page PDF via the API (median of 5) | ${median(pdfTimes).toFixed(0)} ms |`);
  console.log(`| per-email cost vs PDF baseline | ${(perEmail / median(pdfTimes)).toFixed(2)}× |`);
} finally {
  await server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
