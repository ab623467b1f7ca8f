/**
 * "Email me a sign-in link" on `wrangler dev`: answer time for an address on file vs an
 * unknown one, interleaved in the same run. The two should be indistinguishable, since
 * the lookup and queueing run after the answer. Run: pnpm bench:sign-in-link
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateLocal, startDevServer } from '../scripts/lib/dev-server';

const ROUNDS = Number(process.env.ROUNDS ?? 40);

const persistTo = mkdtempSync(join(tmpdir(), 'clientele-bench-signin-'));
migrateLocal(persistTo);
const server = await startDevServer({ persistTo });
try {
  const signup = await fetch(`${server.url}/api/v1/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ businessName: 'Bench', email: 'bench@example.com', password: 'bench-password-1' }),
  });
  const cookie = /clientele_admin_session=[^;]+/.exec(signup.headers.get('set-cookie') ?? '')![0];
  const known = 'known.client@example.com';
  await fetch(`${server.url}/api/v1/clients`, {
    method: 'POST',
    headers: { cookie, origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Known Client', email: known }),
  });
  const ask = async (email: string, i: number) => {
    const started = performance.now();
    const r = await fetch(`${server.url}/portal/signin`, {
      method: 'POST',
      headers: {
        origin: server.url,
        'content-type': 'application/x-www-form-urlencoded',
        'cf-connecting-ip': `198.18.${Math.floor(i / 200)}.${i % 200}`,
      },
      body: new URLSearchParams({ email }).toString(),
    });
    await r.arrayBuffer();
    if (r.status !== 202) throw new Error(`status ${r.status}`);
    return performance.now() - started;
  };
  // Warm-up, then known and unknown alternate so drift hits both alike.
  for (let i = 0; i < 5; i++) await ask(`warm${i}@example.com`, 10_000 + i);
  const times = { known: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    times.known.push(await ask(known, 2 * i));
    times.unknown.push(await ask(`nobody${i}@example.com`, 2 * i + 1));
  }
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
  const row = (name: string, xs: number[]) =>
    `| ${name} | ${pct(xs, 0.5).toFixed(1)} | ${pct(xs, 0.9).toFixed(1)} | ${(pct(xs, 0.5) / pct(times.unknown, 0.5)).toFixed(2)}× |`;
  console.log(`\n${ROUNDS} requests each, interleaved\n`);
  console.log('| address | p50 ms | p90 ms | p50 vs unknown |\n|---|---|---|---|');
  console.log(row('unknown (baseline)', times.unknown));
  console.log(row('on file', times.known));
} finally {
  await server.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
