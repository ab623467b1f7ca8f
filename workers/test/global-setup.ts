import { type FakeStripe, startFakeStripe } from '../../packages/stripe-fake/src/index';

let fake: FakeStripe | undefined;

/** The local Stripe API the Worker's SDK talks to in tests (port chosen in vitest.config.ts). */
export async function setup() {
  fake = await startFakeStripe({ port: Number(process.env.CLIENTELE_FAKE_STRIPE_PORT) });
}

export async function teardown() {
  await fake?.close();
}
