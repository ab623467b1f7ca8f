import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startFakeStripe } from '../packages/stripe-fake/src/index';
import { DEMO_LOGIN } from './lib/demo-data';
import { freePort, migrateLocal, ROOT, startDevServer, uploadLocalFonts } from './lib/dev-server';
import { seedDemo } from './seed';

const started = Number(process.env.CLIENTELE_BOOTSTRAP_STARTED) || Date.now();
const port = Number(process.env.PORT) || 8787;
const step = (text: string) => console.log(`› ${text}`);

step('Building the admin app…');
execFileSync(join(ROOT, 'node_modules', '.bin', 'pnpm'), ['--filter', '@clientele/web', 'build'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});
step('Applying database migrations to the local D1…');
migrateLocal();
uploadLocalFonts();
step('Starting the local Stripe stand-in…');
const stripe = await startFakeStripe({ port: Number(process.env.STRIPE_FAKE_PORT) || (await freePort()) });
step(`Starting the Worker (wrangler dev) on port ${port}…`);
const server = await startDevServer({ port, stripeUrl: stripe.url });
step('Seeding the demo business…');
const seeded = await seedDemo(server.url, { stripeUrl: stripe.url });
const firstPage = await fetch(`${server.url}/clients`, { headers: { 'sec-fetch-mode': 'navigate' } });
const seconds = ((Date.now() - started) / 1000).toFixed(1);

console.log(`
  Clientele is running (ready in ${seconds} s, first page ${firstPage.status}).

  Admin app     ${server.url}/
  API           ${server.url}/api/v1
  API docs      ${server.url}/api/v1/openapi.json
  Sent mail     ${server.url}/api/v1/dev/outbox  (dev outbox, signed in; nothing leaves this machine)
  Demo login    ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}
  Demo data     ${seeded.created} clients added, ${seeded.existing} already there; ${seeded.invoices} invoices added
  Client portal ${seeded.portal ? `${seeded.portal.url}  (magic link for ${seeded.portal.client})` : 'send an invoice to get a magic link'}
  Stripe        local stand-in at ${stripe.url} (test mode; the demo business is connected)
                Connect: a new business's Settings → "Connect with Stripe" onboards on the stand-in.
                To pay: open the portal link → Continue → an unpaid invoice → Pay now → "Pay".
                The stand-in signs and delivers the webhook; the invoice turns Paid in the
                portal and in the admin app, and the receipt lands in the dev outbox.

  Press Ctrl+C to stop.
`);

server.process.stdout?.on('data', (d: Buffer) => process.stdout.write(d));
server.process.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
const shutdown = async () => {
  await server.stop();
  await stripe.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
server.process.on('exit', (code) => process.exit(code ?? 0));
