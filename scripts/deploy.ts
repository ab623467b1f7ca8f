/**
 * `npm run deploy` — put Clientele on your own Cloudflare account (see README "Deploying").
 *   npm run deploy -- --setup     create the D1 database, R2 bucket and queues (once)
 *   npm run deploy                migrate the remote D1, upload fonts, deploy the Worker
 *   npm run deploy -- --dry-run   build and bundle only; fails above the free plan's 3 MB gzip
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { R2_FONTS, ROOT } from './lib/dev-server';

const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');
const PNPM = join(ROOT, 'node_modules', '.bin', 'pnpm');
const ENV = ['--env', 'production'];
/** Workers Free plan: 3 MB after compression. */
const FREE_PLAN_GZIP_KIB = 3 * 1024;
const SECRETS = ['ENCRYPTION_KEY', 'PORTAL_LINK_KEY', 'REPLY_TOKEN_KEY'];
/** Stripe Connect's secrets: both or neither (without them Connect is simply not offered). */
const CONNECT_SECRETS = ['STRIPE_PLATFORM_SECRET_KEY', 'STRIPE_CONNECT_WEBHOOK_SECRET'];

const args = new Set(process.argv.slice(2));
const step = (text: string) => console.log(`› ${text}`);
const wrangler = (...a: string[]) => {
  const r = spawnSync(WRANGLER, a, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (args.has('--setup')) {
  step('Creating the D1 database (copy its database_id into [env.production] in wrangler.toml)…');
  wrangler('d1', 'create', 'clientele');
  step('Creating the R2 bucket and the email queue with its dead-letter queue…');
  wrangler('r2', 'bucket', 'create', 'clientele-files');
  wrangler('queues', 'create', 'clientele-email');
  wrangler('queues', 'create', 'clientele-email-dlq');
  console.log(`
Next:
  - secrets:  for each of ${SECRETS.join(', ')}:
              openssl rand -base64 32 | node_modules/.bin/wrangler secret put NAME --env production
  - email:    Email Routing for INBOUND_EMAIL_DOMAIN → "Send to a Worker" → clientele;
              verify MAIL_FROM's domain for sending (the send_email binding MAILER)
  - vars:     PUBLIC_URL, MAIL_FROM and INBOUND_EMAIL_DOMAIN in [env.production.vars]
  - Connect:  optional; STRIPE_PLATFORM_PUBLISHABLE_KEY in [env.production.vars], and the secrets
              ${CONNECT_SECRETS.join(' and ')} (the platform's key; the signing secret of a
              Connect webhook endpoint at <PUBLIC_URL>/webhooks/stripe/connect)
  - then:     npm run deploy`);
  process.exit(0);
}

step('Building the admin app…');
execFileSync(PNPM, ['--filter', '@clientele/web', 'build'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});

if (args.has('--dry-run')) {
  step('Bundling the Worker (wrangler deploy --dry-run --env production)…');
  const out = execFileSync(
    WRANGLER,
    ['deploy', '--dry-run', ...ENV, '--outdir', join(ROOT, '.tmp', 'bundle')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' },
    },
  );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are what is removed
  const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
  const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(plain);
  if (!m) {
    console.error(`Could not read the bundle size from wrangler:\n${out}`);
    process.exit(1);
  }
  const gzip = Number(m[2]);
  console.log(
    `Worker bundle: ${m[1]} KiB, ${gzip} KiB gzip (free plan limit ${FREE_PLAN_GZIP_KIB} KiB gzip)`,
  );
  if (gzip > FREE_PLAN_GZIP_KIB) {
    console.error('Over the Workers Free plan limit: a new business could not deploy it without paying.');
    process.exit(1);
  }
  process.exit(0);
}

step('Checking the Worker secrets…');
const listed = spawnSync(WRANGLER, ['secret', 'list', ...ENV], { cwd: ROOT, encoding: 'utf8' });
const missing = SECRETS.filter((s) => !listed.stdout?.includes(`"${s}"`));
if (missing.length) {
  console.error(`Set these secrets first (see npm run deploy -- --setup): ${missing.join(', ')}`);
  process.exit(1);
}
const connectSet = CONNECT_SECRETS.filter((s) => listed.stdout?.includes(`"${s}"`));
if (connectSet.length === 1) {
  console.error(`Stripe Connect needs both ${CONNECT_SECRETS.join(' and ')}; only ${connectSet[0]} is set`);
  process.exit(1);
}
step('Applying migrations to the remote D1…');
wrangler('d1', 'migrations', 'apply', 'DB', '--remote', ...ENV);
step('Uploading the CJK fonts to R2…');
for (const [key, file] of R2_FONTS)
  wrangler('r2', 'object', 'put', `clientele-files/${key}`, '--remote', '--file', file);
step('Deploying the Worker…');
wrangler('deploy', ...ENV);
console.log(`
Deployed. With Stripe Connect, one Connect webhook endpoint on the platform's account at
  <PUBLIC_URL>/webhooks/stripe/connect serves every connected business. A business that pastes
  its own keys adds an endpoint in its Stripe dashboard at
  <PUBLIC_URL>/webhooks/stripe/<tenant id>   (Settings → Online payments shows the exact URL)`);
