import type { Charge, CheckoutSession, ConnectedAccount } from './objects';

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  keyLast4: string | null;
  /** The `Stripe-Account` header (Connect: a call made on a connected account). */
  stripeAccount: string | null;
  body: Record<string, unknown>;
}

export interface Delivery {
  eventId: string;
  type: string;
  url: string;
  status: number | null;
}

export interface SignedEvent {
  id: string;
  type: string;
  payload: string;
  /** `Stripe-Signature` header, for each of the account's endpoint secrets (first one here). */
  signature: string | null;
  /** The connected account the event is about (Connect events only). */
  account?: string;
}

export interface Endpoint {
  id: string;
  url: string;
  secret: string;
  enabled_events: string[];
  /** A platform's Connect endpoint: receives its connected accounts' events, not its own. */
  connect: boolean;
}

export interface Account {
  sessions: Map<string, CheckoutSession>;
  charges: Map<string, Charge>;
  endpoints: Endpoint[];
  idempotency: Map<string, { hash: string; status: number; body: unknown }>;
  /** Set on a connected account: the account object and the platform that created it. */
  connected?: { account: ConnectedAccount; platform: Account };
}

export interface AccountLink {
  id: string;
  account: string;
  refresh_url: string;
  return_url: string;
  expires_at: number;
  used: boolean;
}

export interface FakeStripe {
  url: string;
  requests: RecordedRequest[];
  deliveries: Delivery[];
  close(): Promise<void>;
}
