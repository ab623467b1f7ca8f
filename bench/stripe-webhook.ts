/**
 * Stripe webhook handling on `wrangler dev` (local D1 and queue): 100 distinct paid
 * checkouts, each event delivered once and timed, interleaved with the same-run baselines
 * — a duplicate of an applied event (signature check + one lookup) and a bad signature
 * (rejected before any write). Run: pnpm bench:stripe-webhook
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { startFakeStripe } from '../packages/stripe-fake/src/index';
import { migrateLocal, startDevServer } from '../scripts/lib/dev-server';

const EVENTS = Number(process.env.EVENTS ?? 100);

const persistTo = mkdtempSync(join(tmpdir(), 'clientele-bench-webhook-'));
migrateLocal(persistTo);
const stripe = await startFakeStripe();
const server = await startDevServer({ persistTo, stripeUrl: stripe.url });
const signer = new Stripe('sk_test_bench_signer');
try {
  const base = server.url;
  const signup = await fetch(`${base}/api/v1/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ businessName: 'Bench', email: 'bench@example.com', password: 'bench-password-1' }),
  });
  const { tenantId } = (await signup.json()) as { tenantId: string };
  const cookie = /clientele_admin_session=[^;]+/.exec(signup.headers.get('set-cookie') ?? '')![0];
  const headers = { cookie, origin: base, 'content-type': 'application/json' };
  const api = async (path: string, body?: unknown, method = 'POST'): Promise<any> => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers,
      body: body ? JSON.stringify(body) : null,
    });
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? null : r.json();
  };
  // Sending more than ten invoices a day needs a confirmed address: follow the emailed link.
  const verifyToken = async () => {
    for (let i = 0; i < 100; i++) {
      const outbox = (await api('/dev/outbox', undefined, 'GET')) as { data: { raw: string }[] };
      for (const m of outbox.data) {
        const found = /\/verify-email\/([A-Za-z0-9_-]{43})/.exec(m.raw.replace(/=\r?\n/g, ''));
        if (found) return found[1]!;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no verification link in the outbox');
  };
  await api(`/email-verifications/${await verifyToken()}`);
  const webhookSecret = 'whsec_benchsecret0000000001';
  await api(
    '/settings/stripe',
    { publishableKey: 'pk_test_bench0001', secretKey: 'sk_test_bench0001', webhookSecret },
    'PUT',
  );
  const client = await api('/clients', { name: 'Bench Client', email: 'client@example.com' });
  const link = await api(`/clients/${client.id}/portal-links`);
  const login = await fetch(link.url, { method: 'POST', headers: { origin: base }, redirect: 'manual' });
  const portalCookie = /clientele_portal_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];

  // 100 issued invoices, each with a checkout paid at (fake) Stripe; events not yet delivered.
  const payloads: string[] = [];
  for (let i = 0; i < EVENTS + 1; i++) {
    const draft = await api('/invoices', {
      clientId: client.id,
      lines: [{ description: `Work ${i}`, quantity: 1, unitPrice: 10000 + i }],
    });
    const invoice = await api(`/invoices/${draft.id}/send`);
    const pay = await fetch(`${base}/portal/invoices/${invoice.id}/pay`, {
      method: 'POST',
      headers: { cookie: portalCookie, origin: base, accept: 'application/json' },
    });
    const { sessionId } = (await pay.json()) as { sessionId: string };
    const done = await fetch(`${stripe.url}/_fake/checkout/sessions/${sessionId}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'paid' }),
    });
    payloads.push(((await done.json()) as { payload: string }).payload);
  }
  const deliver = async (payload: string, secret = webhookSecret) => {
    const signature = await signer.webhooks.generateTestHeaderStringAsync({ payload, secret });
    const started = performance.now();
    const r = await fetch(`${base}/webhooks/stripe/${tenantId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });
    const body = await r.text();
    return { ms: performance.now() - started, status: r.status, body };
  };
  // Warm-up: the first event (not counted) and its duplicate.
  const warm = payloads.shift()!;
  await deliver(warm);
  await deliver(warm);
  const times = { applied: [] as number[], duplicate: [] as number[], badSignature: [] as number[] };
  for (const payload of payloads) {
    const applied = await deliver(payload);
    if (applied.status !== 200 || !applied.body.includes('"paid"')) throw new Error(applied.body);
    times.applied.push(applied.ms);
    const dup = await deliver(payload);
    if (!dup.body.includes('duplicate')) throw new Error(dup.body);
    times.duplicate.push(dup.ms);
    const bad = await deliver(payload, 'whsec_wrong');
    if (bad.status !== 400) throw new Error(`bad signature answered ${bad.status}`);
    times.badSignature.push(bad.ms);
  }
  const paid = (await api(`/invoices?status=paid&limit=200`, undefined, 'GET')) as { data: unknown[] };
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
  const row = (name: string, xs: number[]) =>
    `| ${name} | ${pct(xs, 0.5).toFixed(1)} | ${pct(xs, 0.9).toFixed(1)} | ${(pct(xs, 0.5) / pct(times.badSignature, 0.5)).toFixed(2)}× |`;
  console.log(
    `\n${payloads.length} events, each applied once, then its duplicate and a bad signature (interleaved)`,
  );
  console.log(`invoices paid afterwards: ${paid.data.length}\n`);
  console.log('| delivery | p50 ms | p90 ms | p50 vs bad signature |\n|---|---|---|---|');
  console.log(row('bad signature (baseline: 400, no write)', times.badSignature));
  console.log(row('duplicate (verify + one lookup)', times.duplicate));
  console.log(row('new paid event (payment, invoice, event row, receipt queued)', times.applied));
} finally {
  await server.stop();
  await stripe.close();
  rmSync(persistTo, { recursive: true, force: true });
}
