/**
 * GET /api/v1/clients (50 items) under load against `wrangler dev`, beside two
 * baselines from the same run: a static asset (no Worker code) and the cheapest
 * authenticated route (session lookup + one read). Run: pnpm bench:api
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_CLIENTS } from '../scripts/lib/demo-data';
import { migrateLocal, startDevServer } from '../scripts/lib/dev-server';

const REQUESTS = Number(process.env.REQUESTS ?? 1000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);

const persistTo = mkdtempSync(join(tmpdir(), 'clientele-bench-'));
migrateLocal(persistTo);
const server = await startDevServer({ persistTo });
try {
  const signup = await fetch(`${server.url}/api/v1/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ businessName: 'Bench', email: 'bench@example.com', password: 'bench-password-1' }),
  });
  const cookie = /clientele_admin_session=[^;]+/.exec(signup.headers.get('set-cookie') ?? '')![0];
  const headers = { cookie, origin: new URL(server.url).origin, 'content-type': 'application/json' };
  for (let i = 0; i < 60; i++) {
    const c = DEMO_CLIENTS[i % DEMO_CLIENTS.length]!;
    const r = await fetch(`${server.url}/api/v1/clients`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...c, name: `${c.name} ${i}` }),
    });
    if (r.status !== 201) throw new Error(await r.text());
  }
  const page = (await (await fetch(`${server.url}/api/v1/clients`, { headers })).json()) as {
    data: unknown[];
  };
  if (page.data.length !== 50) throw new Error(`expected 50 clients, got ${page.data.length}`);

  const measure = async (name: string, path: string, withCookie: boolean) => {
    // Warm-up so module loading and the first D1 open are not measured.
    await autocannon({
      url: `${server.url}${path}`,
      amount: 50,
      connections: 2,
      headers: withCookie ? { cookie } : {},
    });
    const r = await autocannon({
      url: `${server.url}${path}`,
      amount: REQUESTS,
      connections: CONNECTIONS,
      headers: withCookie ? { cookie } : {},
    });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return { name, p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, rps: r.requests.average };
  };

  const rows = [
    await measure('static asset (baseline)', '/favicon-missing-falls-back-to-index', false),
    await measure('GET /sessions/current (auth baseline)', '/api/v1/sessions/current', true),
    await measure('GET /clients?limit=50', '/api/v1/clients?limit=50', true),
  ];
  const base = rows[1]!;
  console.log(`\n${REQUESTS} requests each, ${CONNECTIONS} connections, wrangler dev on 127.0.0.1\n`);
  console.log('| request | p50 ms | p90 ms | p99 ms | req/s | p50 vs auth baseline |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.rps.toFixed(0)} | ${(r.p50 / Math.max(base.p50, 1)).toFixed(2)}× |`,
    );
  }
} finally {
  await server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
