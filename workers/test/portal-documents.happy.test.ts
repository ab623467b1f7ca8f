import { createExecutionContext, createMessageBatch, env, getQueueResult, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { handleQueue } from '../queue';
import {
  type Caller,
  call,
  createClient,
  createInvoice,
  issuedInvoice,
  json,
  line,
  ORIGIN,
  pay,
  signUp,
} from './helpers/api';
import { form, linkEmails, portal, portalCookie } from './helpers/portal';

async function sentEstimate(owner: Caller, clientId: string) {
  const est = await json(
    await call('/estimates', {
      method: 'POST',
      body: { clientId, lines: [line({ quantity: 2 })] },
      as: owner,
    }),
  );
  return json(await call(`/estimates/${est.id}/send`, { method: 'POST', as: owner }));
}

describe('portal invoice preview and PDF', () => {
  it('shows the frozen invoice, records the first view once, and offers Pay now only disabled (no Stripe yet)', async () => {
    const owner = await signUp();
    const { client, invoice } = await issuedInvoice(
      owner,
      {},
      {
        name: 'João Conceição',
        billingAddress: { street: 'Rua das Flores 12', city: 'Lisboa', country: 'PT' },
        taxId: 'PT509876543',
        language: 'pt',
      },
    );
    // Edits after issuing never reach what the client sees.
    const edit = await call(`/clients/${client.id}`, {
      method: 'PATCH',
      body: { billingAddress: { street: 'Avenida Nova 1', city: 'Lisboa', country: 'PT' } },
      as: owner,
    });
    expect(edit.status).toBe(200);
    const cookie = await portalCookie(owner, client.id);
    const res = await portal(`/invoices/${invoice.id}`, cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="pt">');
    expect(html).toContain(invoice.number);
    expect(html).toContain('Rua das Flores 12');
    expect(html).not.toContain('Avenida Nova 1');
    expect(html).toContain('PT509876543');
    expect(html).toContain('Faturar a');
    // This business has not connected Stripe: nothing to pay online is offered.
    expect(html).not.toContain('Pagar agora');
    expect(html).toContain(`href="/portal/invoices/${invoice.id}/pdf"`);

    const first = await json(await call(`/invoices/${invoice.id}`, { as: owner }));
    expect(first.status).toBe('viewed');
    expect(first.viewedAt).not.toBeNull();
    await portal(`/invoices/${invoice.id}`, cookie);
    const second = await json(await call(`/invoices/${invoice.id}`, { as: owner }));
    expect(second.viewedAt).toBe(first.viewedAt);
  });

  it('a paid invoice has no Pay now; a payment after viewing keeps the view recorded', async () => {
    const owner = await signUp();
    const { client, invoice } = await issuedInvoice(owner);
    const cookie = await portalCookie(owner, client.id);
    await portal(`/invoices/${invoice.id}`, cookie);
    await pay(owner, invoice.id, 1000);
    expect((await json(await call(`/invoices/${invoice.id}`, { as: owner }))).status).toBe('partial');
    await call(`/invoices/${invoice.id}/payments`, { as: owner });
    const rest = await pay(owner, invoice.id, invoice.total - 1000);
    expect(rest.status).toBe(201);
    const html = await (await portal(`/invoices/${invoice.id}`, cookie)).text();
    expect(html).not.toContain('/pay"');
  });

  it('downloads the PDF (from the R2 cache the second time)', async () => {
    const owner = await signUp();
    const { client, invoice } = await issuedInvoice(owner);
    const cookie = await portalCookie(owner, client.id);
    const a = await portal(`/invoices/${invoice.id}/pdf`, cookie);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe('application/pdf');
    expect(a.headers.get('content-disposition')).toContain(`attachment; filename="${invoice.number}.pdf"`);
    expect(new TextDecoder().decode((await a.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    const b = await portal(`/invoices/${invoice.id}/pdf`, cookie);
    expect(b.headers.get('x-pdf-cache')).toBe('hit');
    await b.arrayBuffer();
    const statement = await portal('/statement.pdf', cookie);
    expect(statement.status).toBe(200);
    expect(statement.headers.get('content-type')).toBe('application/pdf');
    await statement.arrayBuffer();
  });

  it("another client's invoice, a draft, an estimate id or an unknown id → 404, for preview and PDF alike", async () => {
    const owner = await signUp();
    const { client } = await issuedInvoice(owner);
    const { invoice: theirs } = await issuedInvoice(owner);
    const draft = await createInvoice(owner, client.id);
    const estimate = await sentEstimate(owner, client.id);
    const elsewhere = await signUp();
    const { invoice: otherBusiness } = await issuedInvoice(elsewhere);
    const cookie = await portalCookie(owner, client.id);
    for (const id of [theirs.id, draft.id, estimate.id, otherBusiness.id, 'inv_nope']) {
      expect((await portal(`/invoices/${id}`, cookie)).status).toBe(404);
      expect((await portal(`/invoices/${id}/pdf`, cookie)).status).toBe(404);
    }
    // Their invoice was not marked viewed by someone else's visit.
    expect((await json(await call(`/invoices/${theirs.id}`, { as: owner }))).viewedAt).toBeNull();
  });

  it('without a session: pages send the browser to /portal, which answers 401', async () => {
    const owner = await signUp();
    const { invoice } = await issuedInvoice(owner);
    for (const path of [
      `/invoices/${invoice.id}`,
      `/invoices/${invoice.id}/pdf`,
      '/estimates',
      '/statement.pdf',
    ]) {
      const res = await portal(path, null);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/portal');
    }
    expect((await portal('', null)).status).toBe(401);
    expect((await portal('/downloads', null, form([['ids', invoice.id]]))).status).toBe(401);
    const stale = 'clientele_portal_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect((await portal(`/invoices/${invoice.id}`, stale)).status).toBe(303);
  });

  it('refuses posts from another origin', async () => {
    const owner = await signUp();
    const { client } = await issuedInvoice(owner);
    const cookie = await portalCookie(owner, client.id);
    const res = await portal('/logout', cookie, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await portal('', cookie)).status).toBe(200);
  });
});

describe('portal estimates', () => {
  it('lists issued estimates; accept is recorded on the estimate for the admin', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const est = await sentEstimate(owner, c.id);
    await json(
      await call('/estimates', { method: 'POST', body: { clientId: c.id, lines: [line()] }, as: owner }),
    );
    const cookie = await portalCookie(owner, c.id);
    const list = await (await portal('/estimates', cookie)).text();
    expect([...list.matchAll(/data-estimate="([^"]+)"/g)].map((m) => m[1])).toEqual([est.number]);
    const page = await (await portal(`/estimates/${est.id}`, cookie)).text();
    expect(page).toContain(`action="/portal/estimates/${est.id}/accept"`);
    const res = await portal(`/estimates/${est.id}/accept`, cookie, form([]));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/portal/estimates/${est.id}?answered=1`);
    const after = await json(await call(`/estimates/${est.id}`, { as: owner }));
    expect(after.status).toBe('accepted');
    const thanks = await (await portal(`/estimates/${est.id}?answered=1`, cookie)).text();
    expect(thanks).toContain('has your answer');
    expect(thanks).not.toContain('/accept"');
    // Answering again changes nothing.
    await portal(`/estimates/${est.id}/reject`, cookie, form([['reason', 'changed my mind']]));
    expect((await json(await call(`/estimates/${est.id}`, { as: owner }))).status).toBe('accepted');
  });

  it('decline with a reason: the admin sees the reason', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { language: 'ja' });
    const est = await sentEstimate(owner, c.id);
    const cookie = await portalCookie(owner, c.id);
    const res = await portal(`/estimates/${est.id}/reject`, cookie, form([['reason', '予算オーバーです']]));
    expect(res.status).toBe(303);
    const after = await json(await call(`/estimates/${est.id}`, { as: owner }));
    expect(after).toMatchObject({ status: 'rejected', rejectionReason: '予算オーバーです' });
    const html = await (await portal(`/estimates/${est.id}`, cookie)).text();
    expect(html).toContain('辞退 — 予算オーバーです');
  });

  it("another client's estimate → 404 and nothing recorded", async () => {
    const owner = await signUp();
    const mine = await createClient(owner);
    const theirs = await createClient(owner);
    const est = await sentEstimate(owner, theirs.id);
    const cookie = await portalCookie(owner, mine.id);
    expect((await portal(`/estimates/${est.id}`, cookie)).status).toBe(404);
    expect((await portal(`/estimates/${est.id}/accept`, cookie, form([]))).status).toBe(404);
    expect((await portal(`/estimates/${est.id}/pdf`, cookie)).status).toBe(404);
    expect((await json(await call(`/estimates/${est.id}`, { as: owner }))).status).toBe('sent');
  });
});

describe('portal languages', () => {
  it("signed in: the client's language, and the switcher wins over it", async () => {
    const owner = await signUp();
    const { client } = await issuedInvoice(owner, {}, { language: 'ru' });
    const cookie = await portalCookie(owner, client.id);
    const ru = await (await portal('/invoices', cookie, { headers: { 'accept-language': 'ja' } })).text();
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Счета');
    const pick = await portal(
      '/language',
      cookie,
      form([
        ['lang', 'it'],
        ['next', '/portal/invoices?sort=status'],
      ]),
    );
    expect(pick.status).toBe(303);
    expect(pick.headers.get('location')).toBe('/portal/invoices?sort=status');
    const langCookie = /clientele_lang=it/.exec(pick.headers.get('set-cookie') ?? '')![0];
    const it = await (await portal('/invoices', `${cookie}; ${langCookie}`)).text();
    expect(it).toContain('<html lang="it">');
    expect(it).toContain('Fatture');
  });

  it('before sign-in (no client known yet): Accept-Language, by q', async () => {
    const owner = await signUp();
    const c = await createClient(owner);
    const link = await json(await call(`/clients/${c.id}/portal-links`, { method: 'POST', as: owner }));
    const unknown = `/login/${'z'.repeat(43)}`;
    const ja = await (
      await portal(unknown, null, { headers: { 'accept-language': 'de;q=1, ja;q=0.9, en;q=0.5' } })
    ).text();
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('このログインリンクは無効です。');
    const pt = await (
      await portal(unknown, null, { headers: { 'accept-language': 'pt-BR,pt;q=0.9' } })
    ).text();
    expect(pt).toContain('Este link de acesso não é válido.');
    // Once the link names the client, the client's own language (en here) is used.
    const confirm = await (
      await portal(new URL(link.url).pathname.replace('/portal', ''), null, {
        headers: { 'accept-language': 'ja' },
      })
    ).text();
    expect(confirm).toContain('<html lang="en">');
  });

  it('the switcher never redirects outside the portal and refuses unknown languages', async () => {
    const away = await portal(
      '/language',
      null,
      form([
        ['lang', 'pt'],
        ['next', 'https://evil.example/'],
      ]),
    );
    expect(away.headers.get('location')).toBe('/portal');
    const slashes = await portal(
      '/language',
      null,
      form([
        ['lang', 'pt'],
        ['next', '//evil.example/portal'],
      ]),
    );
    expect(slashes.headers.get('location')).toBe('/portal');
    expect((await portal('/language', null, form([['lang', 'xx']]))).status).toBe(400);
  });
});

describe('"email me a new link"', () => {
  const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/g, '');
  async function expiredLink(owner: Caller, clientId: string) {
    const link = await json(await call(`/clients/${clientId}/portal-links`, { method: 'POST', as: owner }));
    await env.DB.prepare('UPDATE portal_links SET expires_at = 0 WHERE id = ?').bind(link.id).run();
    return link.url.split('/portal/login/')[1] as string;
  }
  const portalLinkEmails = async (owner: Caller) =>
    (await json(await call('/emails', { as: owner }))).data.filter(
      (e: { kind: string }) => e.kind === 'portal_link',
    );

  it('an expired link offers it; the new link goes to the address on file, once per hour', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'maria@example.com' });
    const token = await expiredLink(owner, c.id);
    const page = await portal(`/login/${token}`, null);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain(`action="/portal/login/${token}/resend"`);
    const res = await portal(`/login/${token}/resend`, null, form([['email', 'attacker@example.com']]));
    expect(res.status).toBe(202);
    const sent = withoutNonce(await res.text());
    expect(await portalLinkEmails(owner)).toMatchObject([{ to: 'maria@example.com', status: 'queued' }]);
    // The queued email, once sent, carries a fresh link that signs the client in.
    const [queued] = await portalLinkEmails(owner);
    const batch = createMessageBatch('clientele-email', [
      {
        id: 'r1',
        timestamp: new Date(),
        attempts: 1,
        body: { tenantId: owner.tenantId, emailId: queued!.id },
      },
    ]);
    const ctx = createExecutionContext();
    await handleQueue(batch, env, ctx);
    await getQueueResult(batch, ctx);
    const outbox = await json(await call('/dev/outbox', { as: owner }));
    const fresh = /https?:\/\/[^\s"<>]+\/portal\/login\/[A-Za-z0-9_-]{43}/.exec(outbox.data[0]!.raw)![0];
    expect(fresh).not.toContain(token);
    expect((await portal(new URL(fresh).pathname.replace('/portal', ''), null)).status).toBe(200);
    const again = await portal(`/login/${token}/resend`, null, form([]));
    expect(withoutNonce(await again.text())).toBe(sent);
    expect(await portalLinkEmails(owner)).toHaveLength(1);
  });

  it('an unknown link gets the same answer and sends nothing', async () => {
    const owner = await signUp();
    const c = await createClient(owner, { email: 'maria@example.com' });
    const token = await expiredLink(owner, c.id);
    const known = withoutNonce(await (await portal(`/login/${token}/resend`, null, form([]))).text());
    const unknown = await portal(`/login/${'x'.repeat(43)}/resend`, null, form([]));
    expect(unknown.status).toBe(202);
    expect(withoutNonce(await unknown.text())).toBe(known);
    expect(await portalLinkEmails(owner)).toHaveLength(1);
  });

  it('is rate-limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await portal(`/login/${'y'.repeat(43)}/resend`, null, {
        ...form([]),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': '203.0.113.9' },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('portal branding', () => {
  it("shows the business's logo to its own signed-in clients only", async () => {
    const png = Uint8Array.from(
      atob(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      ),
      (ch) => ch.charCodeAt(0),
    );
    const owner = await signUp();
    const up = await SELF.fetch(`${ORIGIN}/api/v1/settings/logo`, {
      method: 'PUT',
      body: png,
      headers: { ...owner.headers, origin: ORIGIN, 'content-type': 'image/png' },
    });
    expect(up.status).toBe(200);
    const { client } = await issuedInvoice(owner);
    const cookie = await portalCookie(owner, client.id);
    expect(await (await portal('', cookie)).text()).toContain('<img src="/portal/logo"');
    const logo = await portal('/logo', cookie);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await logo.arrayBuffer())).toEqual(png);
    expect((await portal('/logo', null)).status).toBe(303);
    const plain = await signUp();
    const { client: other } = await issuedInvoice(plain);
    const otherCookie = await portalCookie(plain, other.id);
    expect(await (await portal('', otherCookie)).text()).not.toContain('<img src="/portal/logo"');
    expect((await portal('/logo', otherCookie)).status).toBe(404);
  });
});

describe('"email me a sign-in link" at the portal front door', () => {
  const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/g, '');
  const signIn = (email: string, ip = '198.51.100.7') =>
    portal('/signin', null, {
      ...form([['email', email]]),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': ip },
    });
  it('the signed-out portal offers it; each business with that client sends its own link, once an hour', async () => {
    const page = await (await portal('', null)).text();
    expect(page).toContain('action="/portal/signin"');
    const address = `Ana.${Date.now()}@Example.com`;
    const a = await signUp();
    const b = await signUp();
    await createClient(a, { email: address });
    await createClient(b, { email: address.toLowerCase() });
    const archived = await createClient(a, { email: address });
    await call(`/clients/${archived.id}`, { method: 'DELETE', as: a });

    const res = await signIn(address.toUpperCase().replace('EXAMPLE', 'example'));
    expect(res.status).toBe(202);
    const known = withoutNonce(await res.text());
    expect(await linkEmails(a)).toMatchObject([{ to: address, status: 'queued' }]);
    expect(await linkEmails(b)).toHaveLength(1);
    // Again within the hour: the same answer, nothing more sent.
    await signIn(address, '198.51.100.8');
    expect(await linkEmails(a)).toHaveLength(1);
    const unknown = await signIn(`nobody.${Date.now()}@example.com`, '198.51.100.9');
    expect(unknown.status).toBe(202);
    expect(withoutNonce(await unknown.text())).toBe(known);
  });

  it('is rate-limited per address of the requester', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signIn(`x${i}@example.com`, '203.0.113.77')).status);
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('portal statement', () => {
  it("lists the client's own recent payments with the invoice each paid", async () => {
    const owner = await signUp();
    const { client, invoice } = await issuedInvoice(owner, {}, { language: 'it' });
    const { invoice: theirs } = await issuedInvoice(owner);
    expect((await pay(owner, invoice.id, 2500)).status).toBe(201);
    expect((await pay(owner, theirs.id, 7000)).status).toBe(201);
    const cookie = await portalCookie(owner, client.id);
    const html = await (await portal('', cookie)).text();
    expect(html).toContain('Pagamenti recenti');
    expect([...html.matchAll(/data-payment="([^"]+)"/g)]).toHaveLength(1);
    expect(html).toContain(`Fattura ${invoice.number}`);
    expect(html).toMatch(/25,00\s*€/);
    expect(html).not.toMatch(/70,00\s*€/);
  });
});
