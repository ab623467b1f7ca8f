import type { Charge, CheckoutSession, ConnectedAccount, Dispute, PaymentIntent, Refund } from './objects';

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
  /** The version its events are rendered at; null follows the account's default. */
  api_version: string | null;
}

/**
 * One Stripe account of the stand-in: a key's own account, or a connected account a
 * platform created (then `connected` is set). What it holds and remembers.
 */
export interface Account {
  sessions: Map<string, CheckoutSession>;
  /** By PaymentIntent id (one charge per intent here). */
  charges: Map<string, Charge>;
  disputes: Map<string, Dispute>;
  refunds: Map<string, Refund>;
  intents: Map<string, PaymentIntent>;
  endpoints: Endpoint[];
  /** Kept 24 hours, with a hash of the request so other parameters are refused. */
  idempotency: Map<string, { hash: string; status: number; body: unknown; at: number }>;
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

/** An API answer or a control answer: a status and a JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

/**
 * Sends an event about an account's object to the endpoints that should hear of it,
 * rendered for `apiVersion` (the pinned one unless a test asks for another).
 */
export type Emit = (a: Account, type: string, object: unknown, apiVersion?: string) => Promise<SignedEvent>;

export interface FakeStripe {
  url: string;
  requests: RecordedRequest[];
  deliveries: Delivery[];
  close(): Promise<void>;
}
