import { env, SELF } from 'cloudflare:test';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortal } from '../http/portal';
import { buildWorld, type FuzzWorld } from './helpers/fuzz/fixtures';
import {
  apiRequests,
  type FuzzRequest,
  operationsOf,
  portalRequests,
  webhookRequests,
} from './helpers/fuzz/requests';
import { FuzzRunner } from './helpers/fuzz/runner';
import type { JsonSchema, SchemaContext } from './helpers/fuzz/schema-values';
import { watchWrites } from './helpers/fuzz/write-log';

/**
 * "No 5xx, ever": malformed and boundary requests to every operation of the OpenAPI document,
 * every portal route and the Stripe webhook, as a signed-in owner (API key and session cookie)
 * and a signed-in portal client. Every answer is checked: no 5xx, problem+json for every API
 * and webhook refusal, and no change to the business data by a refused request.
 *
 * Random per run; `FUZZ_SEED=<seed> vitest run test/fuzz.security.test.ts` replays a run.
 */
const seed = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const API_REQUESTS = 7000;
const PORTAL_REQUESTS = 2000;
const WEBHOOK_REQUESTS = 1000;

let world: FuzzWorld;
let runner: FuzzRunner;
const startedAt = Date.now();

beforeAll(async () => {
  console.log(`[fuzz] seed ${seed} (replay: FUZZ_SEED=${seed} vitest run test/fuzz.security.test.ts)`);
  world = await buildWorld();
  await watchWrites();
  runner = new FuzzRunner({
    apiKey: world.apiKey.headers,
    cookie: world.owner.headers,
    portal: world.portalCookie,
    webhookSecret: world.webhookSecret,
  });
  await runner.start();
}, 120_000);

afterAll(() => {
  const s = runner?.stats;
  if (!s) return;
  console.log(
    `[fuzz] seed ${seed}: ${s.requests} requests over ${s.operations.size} operations and routes in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; ${s.serverErrors} 5xx; ${s.refused} refused; statuses ${s.histogram()}; slowest: ${s.slowest()}`,
  );
});

/** `count` requests spread evenly over the targets, each target's drawn from its own stream. */
async function run(label: string, targets: fc.Arbitrary<FuzzRequest>[], count: number, offset: number) {
  const per = Math.ceil(count / targets.length);
  const t = Date.now();
  const streams = targets.map((arb, i) => fc.sample(arb, { seed: seed + offset + i, numRuns: per }));
  console.log(`[fuzz] ${label}: generated in ${Date.now() - t} ms`);
  const before = runner.stats.findings.length;
  const sentBefore = runner.stats.requests;
  for (let n = 0; n < per; n++) {
    for (const stream of streams) await runner.send(stream[n]!);
    if ((n + 1) % Math.ceil(per / 4) === 0) {
      const sent = runner.stats.requests - sentBefore;
      console.log(
        `[fuzz] ${label}: ${sent} sent, ${((Date.now() - startedAt) / 1000).toFixed(0)} s since start`,
      );
    }
  }
  const found = runner.stats.findings.slice(before);
  console.log(
    `[fuzz] ${label}: ${runner.stats.requests - sentBefore} requests over ${targets.length} targets; ${found.filter((f) => f.kind === '5xx' || f.kind === 'threw').length} 5xx; ${found.length} findings`,
  );
  if (found.length) {
    const only = Object.assign(Object.create(Object.getPrototypeOf(runner.stats)), runner.stats, {
      findings: found,
    });
    // Printed as well as thrown: the log keeps every request in full even when the error is cut short.
    const report = `[fuzz] seed ${seed}, ${label}: ${only.report()}`;
    console.error(report);
    throw new Error(report);
  }
}

describe('fuzz: no 5xx, refusals are problem+json and change nothing', () => {
  it('every operation of the OpenAPI document', async () => {
    const doc = (await (await SELF.fetch('https://app.clientele.test/api/v1/openapi.json')).json()) as any;
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThanOrEqual(65);
    const ctx: SchemaContext = {
      resolve: (ref) => doc.components.schemas[ref.replace('#/components/schemas/', '')] as JsonSchema,
      idsFor: (name) => world.ids[kindOfField(name)] ?? world.ids.any!,
    };
    await run(
      'API',
      ops.map((op) => apiRequests(op, ctx)),
      API_REQUESTS,
      0,
    );
  }, 1_200_000);

  it('every portal route, signed in as a client', async () => {
    const seen = new Set<string>();
    const routes = createPortal()
      .routes.filter((r) => r.method !== 'ALL')
      .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const idsFor = (param: string, path: string) =>
      world.portalIds[portalKind(param, path)] ?? world.portalIds.any!;
    await run(
      'portal',
      routes.map((r) => portalRequests(r, idsFor)),
      PORTAL_REQUESTS,
      1000,
    );
  }, 1_200_000);

  it('the Stripe webhook', async () => {
    const idsFor = (kind: string) => world.ids[kind] ?? [];
    await run('webhooks', [webhookRequests(world.tenantIds, idsFor)], WEBHOOK_REQUESTS, 2000);
  }, 1_200_000);
});

/** `clientId` → `cli`, `invoiceIds` → `inv`; anything else draws from every id. */
function kindOfField(name: string): string {
  const m = /^(client|invoice|estimate|ticket|payment|attachment|link|key|tenant)/i.exec(name);
  if (!m) return 'any';
  return {
    client: 'cli',
    invoice: 'inv',
    estimate: 'est',
    ticket: 'tkt',
    payment: 'pay',
    attachment: 'att',
    link: 'lnk',
    key: 'key',
    tenant: 'ten',
  }[m[1]!.toLowerCase()]!;
}

/** A portal path's `:id` takes ids of the collection it is under; a sign-in `:token`, made-up tokens. */
function portalKind(param: string, path: string): string {
  if (param === 'attachmentId') return 'att';
  if (param === 'token') return 'token';
  return { invoices: 'inv', estimates: 'est', tickets: 'tkt' }[path.split('/')[1] ?? ''] ?? 'any';
}
