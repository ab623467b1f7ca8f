import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { STRIPE_JS_PATH } from '../../packages/stripe-fake/src/index';
import { connectPlatformEndpoint } from './demo-stripe';

export const ROOT = join(import.meta.dirname, '..', '..');
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The SQLite file behind the local D1 in `persistTo`, for seeding it directly (benchmarks). */
export function localD1File(persistTo: string): string {
  const dir = join(persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (!file) throw new Error(`no D1 database file in ${dir}`);
  return join(dir, file);
}

/** Applies migrations/ to the local D1 that `wrangler dev` with the same persist dir uses. */
export function migrateLocal(persistTo?: string) {
  const args = ['d1', 'migrations', 'apply', 'DB', '--local'];
  if (persistTo) args.push('--persist-to', persistTo);
  execFileSync(WRANGLER, args, { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
}

/** The CJK fonts the Worker reads from R2, with their keys (see workers/services/documents/fonts.ts). */
export const R2_FONTS: [key: string, file: string][] = [
  [
    'fonts/NotoSansJP-Regular.ttf',
    join(ROOT, 'workers/node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
  ],
  [
    'fonts/NotoSansSC-Regular.ttf',
    join(
      ROOT,
      'packages/pdf/node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    ),
  ],
];

/**
 * Puts the Japanese and Simplified Chinese fonts (5 and 10 MB, too large to bundle) into the
 * local R2, where the Worker looks for them when a document needs them. Production uploads
 * them once with `pnpm fonts:upload`.
 */
export function uploadLocalFonts(persistTo?: string) {
  for (const [key, file] of R2_FONTS) {
    const args = ['r2', 'object', 'put', `clientele-files/${key}`, '--local', '--file', file];
    if (persistTo) args.push('--persist-to', persistTo);
    execFileSync(WRANGLER, args, { cwd: ROOT, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
  }
}

/** 32 fixed bytes, base64: local development only, never a deployment's key. */
const LOCAL_ENCRYPTION_KEY = 'bG9jYWwtZGV2ZWxvcG1lbnQta2V5LTMyLWJ5dGVzISE';

export interface DevServer {
  url: string;
  process: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

/** `wrangler dev` on 127.0.0.1, resolved once the API answers. */
export async function startDevServer(
  opts: {
    port?: number;
    persistTo?: string;
    inheritOutput?: boolean;
    stripeUrl?: string;
    /** Sign-ups one address may make in an hour (the Worker's default when absent). */
    signupsPerAddress?: number;
  } = {},
) {
  const port = opts.port ?? (await freePort());
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--var', 'DEV_OUTBOX:1'];
  if (opts.signupsPerAddress) args.push('--var', `SIGNUPS_PER_ADDRESS_PER_HOUR:${opts.signupsPerAddress}`);
  args.push('--var', `PUBLIC_URL:http://127.0.0.1:${port}`);
  // Local only: production sets its own with `wrangler secret put PORTAL_LINK_KEY`.
  args.push('--var', 'PORTAL_LINK_KEY:local-development-portal-link-key');
  args.push('--var', 'REPLY_TOKEN_KEY:local-development-reply-token-key');
  // Seals Stripe keys in the local D1; production sets its own with `wrangler secret put`.
  args.push('--var', `ENCRYPTION_KEY:${LOCAL_ENCRYPTION_KEY}`);
  if (opts.stripeUrl) {
    args.push(
      '--var',
      `STRIPE_API_URL:${opts.stripeUrl}`,
      '--var',
      `STRIPE_JS_URL:${opts.stripeUrl}${STRIPE_JS_PATH}`,
    );
    // Connect on the stand-in: the platform's fake key and its Connect endpoint's secret.
    const platform = await connectPlatformEndpoint(opts.stripeUrl, `http://127.0.0.1:${port}`);
    args.push('--var', `STRIPE_PLATFORM_SECRET_KEY:${platform.secretKey}`);
    args.push('--var', `STRIPE_PLATFORM_PUBLISHABLE_KEY:${platform.publishableKey}`);
    args.push('--var', `STRIPE_CONNECT_WEBHOOK_SECRET:${platform.webhookSecret}`);
    args.push('--var', `STRIPE_CONNECT_CLIENT_ID:${platform.clientId}`);
  }
  args.push('--show-interactive-dev-session=false');
  if (opts.persistTo) args.push('--persist-to', opts.persistTo);
  const child = spawn(WRANGLER, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
    detached: process.platform !== 'win32',
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
    if (opts.inheritOutput) process.stdout.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/v1/openapi.json`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`wrangler dev did not answer within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      // wrangler starts workerd as a child: signal the whole group.
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }
  };
  return { url, process: child, log: () => output, stop } satisfies DevServer;
}
