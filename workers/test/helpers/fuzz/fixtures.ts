import {
  type Caller,
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  line,
  pay,
  signUp,
  withApiKey,
} from '../api';
import { newLink, portalCookie } from '../portal';
import { connectStripe } from '../stripe';
import { openTicketInPortal, ticketIdFrom } from '../tickets';

/** Two businesses with a bit of everything, so fuzzed ids hit real rows of both. */
export interface FuzzWorld {
  owner: Caller;
  apiKey: Caller;
  /** The portal session of one client of `owner`, kept for the whole run. */
  portalCookie: string;
  webhookSecret: string;
  tenantIds: string[];
  /** Ids by kind (`cli`, `inv`, `est`, `tkt`, `att`, `pay`, `lnk`, `key`, `ten`): own first, then the other business's. */
  ids: Record<string, string[]>;
  /** Ids the portal client may see, another client's of the same business, and another business's. */
  portalIds: Record<string, string[]>;
}

async function ok<T = any>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${await res.text()}`);
  return json<T>(res);
}

async function business(portalClient: boolean) {
  const owner = await signUp();
  const apiKey = await withApiKey(owner);
  // A second key the run may revoke: the one it authenticates with is never in the pool.
  const spareKey = await ok(
    await call('/api-keys', { method: 'POST', body: { name: 'spare' }, as: owner }),
    'spare key',
  );
  const { client, invoice } = await issuedInvoice(
    owner,
    {},
    { email: `c.${crypto.randomUUID().slice(0, 8)}@example.com` },
  );
  const partial = await issuedInvoice(
    owner,
    { currency: 'JPY', lines: [line({ unitPrice: 5000 })] },
    { email: `d.${crypto.randomUUID().slice(0, 8)}@example.com` },
  );
  const payment = await ok(await pay(owner, partial.invoice.id, 100), 'payment');
  const bare = await createClient(owner, { name: 'مرحبا 🧾 <b>' });
  const draft = await createInvoice(owner, client.id);
  const estimate = await ok(
    await call('/estimates', { method: 'POST', body: { clientId: client.id, lines: [line()] }, as: owner }),
    'estimate',
  );
  await ok(await call(`/estimates/${estimate.id}/send`, { method: 'POST', as: owner }), 'estimate send');
  const draftEstimate = await ok(
    await call('/estimates', {
      method: 'POST',
      body: { clientId: partial.client.id, lines: [line()] },
      as: owner,
    }),
    'draft estimate',
  );
  await ok(
    await call(`/clients/${bare.id}/templates/invoice`, {
      method: 'PUT',
      body: { language: 'en', subject: 'Invoice {{number}}', body: 'Hello {{clientName}}' },
      as: owner,
    }),
    'client template',
  ).catch(() => undefined);
  const link = await newLink(owner, partial.client.id);
  const cookie = await portalCookie(owner, client.id);
  const ticketRes = await openTicketInPortal(cookie, { subject: 'Help', message: 'Where is my invoice?' }, [
    new File(['hello'], 'note.txt', { type: 'text/plain' }),
  ]);
  const ticketId = await ticketIdFrom(ticketRes);
  const ticket = await ok(await call(`/tickets/${ticketId}`, { as: owner }), 'ticket');
  const attachmentIds: string[] = ticket.messages.flatMap((m: { attachments: { id: string }[] }) =>
    m.attachments.map((a) => a.id),
  );
  const webhookSecret = portalClient ? (await connectStripe(owner)).webhookSecret : '';
  return {
    owner,
    apiKey,
    cookie,
    webhookSecret,
    ids: {
      ten: [owner.tenantId],
      cli: [bare.id, partial.client.id],
      inv: [draft.id, invoice.id, partial.invoice.id],
      est: [estimate.id, draftEstimate.id],
      tkt: [ticketId],
      att: attachmentIds,
      pay: [payment.id],
      lnk: [link.id],
      key: [spareKey.id],
      msg: ticket.messages.map((m: { id: string }) => m.id),
    } as Record<string, string[]>,
    portal: { inv: [invoice.id], est: [estimate.id], tkt: [ticketId], att: attachmentIds, client: client.id },
  };
}

/**
 * The fuzzed business and another one. The portal client's own id is left out of the API's
 * pool: archiving it or turning its portal off would sign the run's portal session out.
 */
export async function buildWorld(): Promise<FuzzWorld> {
  const mine = await business(true);
  const theirs = await business(false);
  const ids: Record<string, string[]> = {};
  for (const kind of new Set([...Object.keys(mine.ids), ...Object.keys(theirs.ids)])) {
    ids[kind] = [...(mine.ids[kind] ?? []), ...(theirs.ids[kind] ?? [])];
  }
  // Wrong-kind ids: a client id where an invoice id goes, and so on.
  const all = Object.values(ids).flat();
  const otherClientOfMine = mine.ids.cli!;
  const portalIds = {
    inv: [...mine.portal.inv, ...mine.ids.inv!, ...theirs.ids.inv!, ...mine.portal.est],
    est: [...mine.portal.est, ...mine.ids.est!, ...theirs.ids.est!],
    tkt: [...mine.portal.tkt, ...theirs.ids.tkt!],
    att: [...mine.portal.att, ...theirs.ids.att!],
    any: [...all, ...otherClientOfMine],
    // Well-formed sign-in tokens nobody issued (a real one would replace the run's session).
    token: [
      btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32)))).replace(/[+/=]/g, 'x'),
      'a'.repeat(43),
    ],
  };
  return {
    owner: mine.owner,
    apiKey: mine.apiKey,
    portalCookie: mine.cookie,
    webhookSecret: mine.webhookSecret,
    tenantIds: [mine.owner.tenantId, theirs.owner.tenantId],
    ids: { ...ids, any: all },
    portalIds,
  };
}
