/**
 * The first Japanese PDF after `wrangler dev` starts (the Japanese font is loaded then)
 * against the next ones, in the same run: median of RUNS fresh servers. Run:
 * pnpm bench:cold-pdf
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateLocal, startDevServer, uploadLocalFonts } from '../scripts/lib/dev-server';

const RUNS = Number(process.env.RUNS ?? 3);

async function once() {
  const persistTo = mkdtempSync(join(tmpdir(), 'clientele-bench-coldpdf-'));
  migrateLocal(persistTo);
  uploadLocalFonts(persistTo);
  const server = await startDevServer({ persistTo });
  try {
    const base = server.url;
    const signup = await fetch(`${base}/api/v1/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        businessName: 'Bench',
        email: 'bench@example.com',
        password: 'bench-password-1',
      }),
    });
    const cookie = /clientele_admin_session=[^;]+/.exec(signup.headers.get('set-cookie') ?? '')![0];
    const headers = { cookie, origin: base, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) =>
      (
        await fetch(`${base}/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
      ).json() as Promise<{
        id: string;
      }>;
    const client = await post('/clients', { name: '山田太郎', company: '株式会社山田商事', language: 'ja' });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(
        (
          await post('/invoices', {
            clientId: client.id,
            currency: 'JPY',
            lines: [{ description: `ウェブ制作 ${i}`, quantity: 1, unitPrice: 10000 + i }],
          })
        ).id,
      );
    }
    const time = async (id: string) => {
      const started = performance.now();
      const r = await fetch(`${base}/api/v1/invoices/${id}/pdf`, { headers });
      await r.arrayBuffer();
      if (!r.ok) throw new Error(`pdf ${r.status}`);
      return performance.now() - started;
    };
    const cold = await time(ids[0]!);
    const warm = [await time(ids[1]!), await time(ids[2]!), await time(ids[3]!)].sort((a, b) => a - b)[1]!;
    return { cold, warm };
  } finally {
    await server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  }
}

const results = [];
for (let i = 0; i < RUNS; i++) results.push(await once());
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold = median(results.map((r) => r.cold));
const warm = median(results.map((r) => r.warm));
console.log(`\n${RUNS} fresh wrangler dev servers; Japanese invoice PDF (draft), GET /invoices/{id}/pdf\n`);
console.log('| request | median ms | vs warm |\n|---|---|---|');
console.log(`| first Japanese PDF (font loaded) | ${cold.toFixed(0)} | ${(cold / warm).toFixed(1)}× |`);
console.log(`| later Japanese PDF (warm, baseline) | ${warm.toFixed(0)} | 1.0× |`);
