import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { purgeClosedBusinesses } from '../services/account/closing';
import { call, json, ORIGIN, randomAddress, signUp } from './helpers/api';
import { busyBusiness, closeBusiness, footprint, runCron } from './helpers/closing';
import { appContext } from './helpers/context';
import { portal } from './helpers/portal';

const PASSWORD = 'correct horse battery';
const HOUR = 3600 * 1000;

describe('closing a business', { timeout: 60_000 }, () => {
  it('signs everyone out at once, kills portal links and keys, and the cron then removes every row and file of it — and nothing of another business', async () => {
    const [owner, other] = await Promise.all([signUp({ businessName: 'Closing Co' }), signUp()]);
    const [mine, theirs] = await Promise.all([busyBusiness(owner), busyBusiness(other)]);
    // Before closing, the same portal request is answered (so the refusal below is the closing's doing).
    expect((await portal(`/invoices/${mine.invoice.id}`, mine.portalCookie)).status).toBe(200);
    const before = await footprint(owner.tenantId);
    // Everything the business had is really there, so "gone" below means something.
    expect(Object.keys(before.rows)).toEqual(
      expect.arrayContaining([
        'clients',
        'documents',
        'payments',
        'tickets',
        'ticket_messages',
        'sessions',
        'api_keys',
        'portal_links',
        'stripe_accounts',
        'emails',
        'credit_notes',
        'client_credits',
        'recurring_invoices',
        'recurring_runs',
        'tenants',
      ]),
    );
    expect(before.files.some((k) => k.startsWith('pdf/'))).toBe(true);
    expect(before.files.some((k) => k.startsWith('tickets/'))).toBe(true);
    expect(before.files.some((k) => k.startsWith('logos/'))).toBe(true);
    const othersBefore = await footprint(other.tenantId);

    const res = await closeBusiness(owner, { confirm: 'Closing Co', password: PASSWORD });
    expect(res.status).toBe(202);
    const closed = await json(res);
    expect(closed.id).toBe(owner.tenantId);
    expect(new Date(closed.removedBy).getTime() - new Date(closed.closedAt).getTime()).toBe(24 * HOUR);
    expect(res.headers.get('set-cookie')).toMatch(/clientele_admin_session=;|Max-Age=0/);

    // At once: the session, the API key, the portal session and the emailed link are dead.
    expect((await call('/clients', { as: owner })).status).toBe(401);
    expect((await call('/clients', { as: mine.apiKey })).status).toBe(401);
    // Signed out of the portal: the invoice page sends the client to sign in.
    const page = await portal(`/invoices/${mine.invoice.id}`, mine.portalCookie);
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/\/portal(\/signin)?$/);
    const link = await SELF.fetch(mine.linkUrl, {
      method: 'POST',
      headers: { origin: ORIGIN },
      redirect: 'manual',
    });
    expect(link.headers.get('set-cookie') ?? '').not.toMatch(/clientele_portal_session=[^;]+/);
    // And nobody signs back in to it.
    const again = await call('/sessions', {
      method: 'POST',
      body: { email: owner.email, password: PASSWORD },
      headers: { 'cf-connecting-ip': randomAddress() },
    });
    expect(again.status).toBe(401);
    const stripe = await env.DB.prepare('SELECT count(*) AS n FROM stripe_accounts WHERE tenant_id = ?')
      .bind(owner.tenantId)
      .first<{ n: number }>();
    expect(stripe?.n).toBe(0);
    const notice = await env.DB.prepare(
      "SELECT to_address AS too FROM emails WHERE tenant_id = ? AND kind = 'account_business_closed'",
    )
      .bind(owner.tenantId)
      .all<{ too: string }>();
    expect(notice.results.map((r) => r.too)).toEqual([owner.email]);

    // The cron leaves it for an hour (its last emails go out), then removes all of it.
    await runCron(Date.now());
    expect((await footprint(owner.tenantId)).rows.clients).toBe(2);
    await runCron(Date.now() + 2 * HOUR);
    const after = await footprint(owner.tenantId);
    expect(after).toEqual({ rows: {}, files: [] });
    const person = await env.DB.prepare('SELECT count(*) AS n FROM users WHERE email = ?')
      .bind(owner.email)
      .first<{ n: number }>();
    expect(person?.n).toBe(0);

    // The other business: every row and file it had is still there (its queued emails may
    // have gone out meanwhile, adding to them), and it still works.
    const othersAfter = await footprint(other.tenantId);
    for (const [table, n] of Object.entries(othersBefore.rows)) {
      expect(othersAfter.rows[table], table).toBeGreaterThanOrEqual(n);
    }
    expect(othersAfter.files).toEqual(expect.arrayContaining(othersBefore.files));
    expect((await call(`/clients/${theirs.client.id}`, { as: other })).status).toBe(200);
    expect((await portal(`/invoices/${theirs.invoice.id}`, theirs.portalCookie)).status).toBe(200);
  });

  it('a large business is removed over several bounded runs, files first', async () => {
    const owner = await signUp({ businessName: 'Big Co' });
    await busyBusiness(owner);
    expect((await closeBusiness(owner, { confirm: 'Big Co', password: PASSWORD })).status).toBe(202);
    const later = new Date(Date.now() + 2 * HOUR);
    let runs = 0;
    for (; runs < 60; runs++) {
      await purgeClosedBusinesses(appContext(env, { now: later }), { statements: 3, chunk: 2, files: 2 });
      const left = await footprint(owner.tenantId);
      if (left.rows.tenants === undefined) break;
      // Never half a business: until the last run the business row is there to be found again.
      expect(left.rows.tenants).toBe(1);
    }
    expect(runs).toBeGreaterThan(3);
    expect(await footprint(owner.tenantId)).toEqual({ rows: {}, files: [] });
  });

  it('a person who also belongs to another business keeps their account and that business', async () => {
    const [a, b] = await Promise.all([signUp({ businessName: 'Alpha' }), signUp({ businessName: 'Beta' })]);
    const userId = (await env.DB.prepare('SELECT id FROM users WHERE email = ?')
      .bind(b.email)
      .first<{ id: string }>())!.id;
    await env.DB.prepare(
      "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?, ?, 'owner', ?)",
    )
      .bind(a.tenantId, userId, Date.now())
      .run();
    expect((await closeBusiness(a, { confirm: 'Alpha', password: PASSWORD })).status).toBe(202);
    await runCron(Date.now() + 2 * HOUR);
    expect((await footprint(a.tenantId)).rows).toEqual({});
    const still = await env.DB.prepare('SELECT count(*) AS n FROM users WHERE id = ?')
      .bind(userId)
      .first<{ n: number }>();
    expect(still?.n).toBe(1);
    expect((await call('/clients', { as: b })).status).toBe(200);
    const gone = await env.DB.prepare('SELECT count(*) AS n FROM users WHERE email = ?')
      .bind(a.email)
      .first<{ n: number }>();
    expect(gone?.n).toBe(0);
  });
});
