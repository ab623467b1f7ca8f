/**
 * One suite for the query functions, run on libSQL in Node (db package) and on D1
 * in workerd (worker package), so both drivers are held to the same behaviour.
 */

import { totals } from '@clientele/core';
import { describe, expect, it } from 'vitest';
import type { Db } from '../src';
import {
  addToDigest,
  archiveClient,
  type ClientFields,
  clientFields,
  clientSummaryGroups,
  createApiKey,
  createClient,
  createDocument,
  createPortalLink,
  createTenantWithOwner,
  deletePayment,
  digestActivity,
  EmailTakenError,
  findApiKeyByHash,
  findPortalSessionWithParties,
  getClient,
  getDocument,
  getTenant,
  hitRateLimit,
  InvalidCursorError,
  issueDocument,
  listApiKeys,
  listClients,
  openPortalSession,
  recordActivity,
  recordPayment,
  revokeApiKey,
  updateClient,
  updateTenant,
} from '../src';

let seq = 0;
const unique = (p: string) => `${p}${Date.now().toString(36)}${(seq++).toString(36)}`;

export function fields(over: Partial<ClientFields> = {}): ClientFields {
  return clientFields('Acme', { language: 'en', currency: 'EUR' }, over);
}

async function tenant(db: Db) {
  return createTenantWithOwner(db, {
    businessName: 'Studio',
    email: `${unique('owner')}@example.com`,
    passwordHash: 'x',
    currency: 'EUR',
    locale: 'en',
  });
}

export function defineDbContract(driver: string, getDb: () => Db) {
  describe(`db queries on ${driver}`, () => {
    it('creates a tenant with its owner and refuses a second sign-up with the same email', async () => {
      const db = getDb();
      const email = `${unique('dup')}@Example.com`;
      const input = { businessName: 'A', email, passwordHash: 'h', currency: 'USD', locale: 'en' };
      const { tenantId } = await createTenantWithOwner(db, input);
      expect((await getTenant(db, tenantId))?.currency).toBe('USD');
      await expect(
        createTenantWithOwner(db, { ...input, email: email.toUpperCase() }),
      ).rejects.toBeInstanceOf(EmailTakenError);
    });

    it('updates tenant settings', async () => {
      const db = getDb();
      const { tenantId } = await tenant(db);
      const t = await updateTenant(db, tenantId, { name: 'Студия «Север»', country: 'RU' });
      expect(t?.name).toBe('Студия «Север»');
    });

    it('round-trips any script and keeps clients inside their tenant', async () => {
      const db = getDb();
      const a = await tenant(db);
      const b = await tenant(db);
      const c = await createClient(
        db,
        a.tenantId,
        fields({ name: '株式会社さくら', street: 'Улица Ленина, 1', city: 'São Paulo' }),
      );
      expect(c.id).toMatch(/^cli_/);
      expect((await getClient(db, a.tenantId, c.id))?.name).toBe('株式会社さくら');
      expect((await getClient(db, a.tenantId, c.id))?.street).toBe('Улица Ленина, 1');
      expect(await getClient(db, b.tenantId, c.id)).toBeUndefined();
      expect(await updateClient(db, b.tenantId, c.id, { name: 'stolen' })).toBeUndefined();
      expect(await archiveClient(db, b.tenantId, c.id)).toBeUndefined();
      expect((await listClients(db, b.tenantId, { limit: 50 })).data).toHaveLength(0);
    });

    it('searches name, company and email case-insensitively in any script', async () => {
      const db = getDb();
      const { tenantId } = await tenant(db);
      await createClient(db, tenantId, fields({ name: 'Иван Петров' }));
      await createClient(db, tenantId, fields({ name: 'Maria', company: 'Açaí Ltda' }));
      await createClient(db, tenantId, fields({ name: 'Bob', email: 'bob@Sakura.jp' }));
      const names = async (q: string) =>
        (await listClients(db, tenantId, { q, limit: 50 })).data.map((c) => c.name).sort();
      expect(await names('иван')).toEqual(['Иван Петров']);
      expect(await names('AÇAÍ')).toEqual(['Maria']);
      expect(await names('sakura')).toEqual(['Bob']);
      expect(await names('%')).toEqual([]);
      expect(await names('nobody')).toEqual([]);
    });

    it('pages with a cursor without gaps or repeats', async () => {
      const db = getDb();
      const { tenantId } = await tenant(db);
      const base = Date.UTC(2026, 0, 1);
      for (let i = 0; i < 7; i++) {
        // Two clients share each timestamp so the id tie-break is exercised.
        await createClient(
          db,
          tenantId,
          fields({ name: `C${i}` }),
          new Date(base + Math.floor(i / 2) * 1000),
        );
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listClients(db, tenantId, { limit: 3, cursor });
        seen.push(...page.data.map((c) => c.name));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen.sort()).toEqual(['C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6']);
      await expect(listClients(db, tenantId, { limit: 3, cursor: 'garbage' })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
    });

    it('updates keep search in step and archive hides from the default list', async () => {
      const db = getDb();
      const { tenantId } = await tenant(db);
      const c = await createClient(db, tenantId, fields({ name: 'Old Name' }));
      await updateClient(db, tenantId, c.id, { name: 'Новое имя' });
      expect((await listClients(db, tenantId, { q: 'новое', limit: 5 })).data).toHaveLength(1);
      const archived = await archiveClient(db, tenantId, c.id);
      expect(archived?.archivedAt).toBeInstanceOf(Date);
      expect((await listClients(db, tenantId, { limit: 5 })).data).toHaveLength(0);
      expect((await listClients(db, tenantId, { limit: 5, archived: true })).data).toHaveLength(1);
    });

    it('api keys: lookup by hash, revoke only within the tenant', async () => {
      const db = getDb();
      const a = await tenant(db);
      const b = await tenant(db);
      const hash = unique('hash');
      const k = await createApiKey(db, a.tenantId, {
        name: 'ci',
        prefix: 'ck_abc',
        keyHash: hash,
        scope: 'read',
        createdBy: null,
      });
      expect(await findApiKeyByHash(db, hash)).toMatchObject({ tenantId: a.tenantId, scope: 'read' });
      expect(await revokeApiKey(db, b.tenantId, k.id)).toBe(false);
      expect(await listApiKeys(db, a.tenantId)).toHaveLength(1);
      expect(await revokeApiKey(db, a.tenantId, k.id)).toBe(true);
      expect(await findApiKeyByHash(db, hash)).toBeUndefined();
      expect(await listApiKeys(db, a.tenantId)).toHaveLength(0);
    });

    it('documents: gapless numbers, frozen snapshot, payments recompute status, 360° groups', async () => {
      const db = getDb();
      const { tenantId } = await tenant(db);
      const client = await createClient(db, tenantId, fields({ name: 'Ана', currency: 'JPY' }));
      const lines = [{ description: '作業', quantity: 1.5, unitPrice: 1000, taxes: [{ rate: 10 }] }];
      const t = totals(lines);
      const doc = () =>
        createDocument(
          db,
          tenantId,
          'invoice',
          {
            clientId: client.id,
            currency: 'JPY',
            language: 'ja',
            issueDate: '2026-01-10',
            dueDate: '2026-01-20',
            validUntil: null,
            lines,
            discountPercent: 0,
            notes: null,
            footer: null,
          },
          t,
        );
      const a = await doc();
      const b = await doc();
      const snapshot = { billTo: { name: 'Ана' } } as never;
      const opts = {
        format: 'INV-{YYYY}-{seq:4}',
        issueDate: '2026-01-10',
        snapshot,
        type: 'invoice' as const,
      };
      const issuedA = await issueDocument(db, tenantId, a.id, opts);
      const again = await issueDocument(db, tenantId, a.id, opts);
      const issuedB = await issueDocument(db, tenantId, b.id, opts);
      // The repeat finds it issued already and says so.
      expect([issuedA?.issuedNow, again?.issuedNow, issuedB?.issuedNow]).toEqual([true, false, true]);
      expect([issuedA?.row.number, again?.row.number, issuedB?.row.number]).toEqual([
        'INV-2026-0001',
        'INV-2026-0001',
        'INV-2026-0002',
      ]);
      expect(issuedA?.row.snapshot?.number).toBe('INV-2026-0001');
      expect(t.total).toBe(1650);
      const p = await recordPayment(db, tenantId, a.id, {
        amount: 650,
        date: '2026-01-11',
        method: 'cash',
        reference: null,
        source: 'manual',
      });
      expect(p?.amount).toBe(650);
      expect(
        await recordPayment(db, tenantId, a.id, {
          amount: 1001,
          date: '2026-01-11',
          method: 'cash',
          reference: null,
          source: 'manual',
        }),
      ).toBeUndefined();
      expect((await getDocument(db, tenantId, 'invoice', a.id))?.status).toBe('partial');
      // Through another invoice the payment is not found, and stays.
      expect(await deletePayment(db, tenantId, b.id, p!.id)).toBeUndefined();
      expect((await getDocument(db, tenantId, 'invoice', a.id))?.status).toBe('partial');
      await deletePayment(db, tenantId, a.id, p!.id);
      expect((await getDocument(db, tenantId, 'invoice', a.id))?.status).toBe('sent');
      const groups = await clientSummaryGroups(db, tenantId, client.id, '2026-02-01');
      expect(groups).toHaveLength(1);
      expect(groups[0]).toMatchObject({ currency: 'JPY', count: 2, total: 3300, paid: 0, overdue: 1 });
    });

    it('rate limit counts within a window and restarts after it', async () => {
      const db = getDb();
      const key = unique('rl');
      const t0 = new Date(Date.UTC(2026, 0, 1));
      expect((await hitRateLimit(db, key, 60_000, t0)).count).toBe(1);
      expect((await hitRateLimit(db, key, 60_000, new Date(t0.getTime() + 1000))).count).toBe(2);
      const later = await hitRateLimit(db, key, 60_000, new Date(t0.getTime() + 61_000));
      expect(later.count).toBe(1);
      expect(later.resetAt.getTime()).toBe(t0.getTime() + 121_000);
    });

    it('a portal session opened in place of another ends it in the same batch', async () => {
      const db = getDb();
      const { tenantId } = await tenant(db);
      const a = await createClient(db, tenantId, fields());
      const b = await createClient(db, tenantId, fields());
      const now = new Date();
      const expiresAt = new Date(now.getTime() + 3600_000);
      const linkA = await createPortalLink(
        db,
        tenantId,
        { clientId: a.id, tokenHash: unique('la'), expiresAt },
        now,
      );
      const linkB = await createPortalLink(
        db,
        tenantId,
        { clientId: b.id, tokenHash: unique('lb'), expiresAt },
        now,
      );
      const [old, other, fresh] = [unique('sa'), unique('sx'), unique('sb')];
      await openPortalSession(
        db,
        { tokenHash: old, tenantId, clientId: a.id, linkId: linkA.id, expiresAt },
        now,
      );
      await openPortalSession(
        db,
        { tokenHash: other, tenantId, clientId: a.id, linkId: linkA.id, expiresAt },
        now,
      );
      await openPortalSession(
        db,
        { tokenHash: fresh, tenantId, clientId: b.id, linkId: linkB.id, expiresAt },
        now,
        old,
      );
      expect(await findPortalSessionWithParties(db, old, now)).toBeUndefined();
      expect((await findPortalSessionWithParties(db, fresh, now))?.client.id).toBe(b.id);
      // A's session on another device was not the one replaced.
      expect((await findPortalSessionWithParties(db, other, now))?.client.id).toBe(a.id);
    });

    it("a digest lists the notices added to it, oldest first, and only its tenant's", async () => {
      const db = getDb();
      const one = await tenant(db);
      const two = await tenant(db);
      const t0 = new Date(Date.UTC(2026, 0, 1));
      const facts = { clientName: 'Ana' };
      const at = (ms: number) => new Date(t0.getTime() + ms);
      const first = await recordActivity(
        db,
        one.tenantId,
        { kind: 'ticket_opened', clientId: 'c', subjectId: 's1', facts },
        at(2),
      );
      const second = await recordActivity(
        db,
        one.tenantId,
        { kind: 'ticket_opened', clientId: 'c', subjectId: 's2', facts },
        at(1),
      );
      await recordActivity(
        db,
        one.tenantId,
        { kind: 'ticket_opened', clientId: 'c', subjectId: 's3', facts },
        at(3),
      );
      const foreign = await recordActivity(
        db,
        two.tenantId,
        { kind: 'ticket_opened', clientId: 'c', subjectId: 's4', facts },
        at(0),
      );
      await addToDigest(db, one.tenantId, first.id, 'eml_digest');
      await addToDigest(db, one.tenantId, second.id, 'eml_digest');
      // Another tenant's row is never marked through this tenant.
      await addToDigest(db, one.tenantId, foreign.id, 'eml_digest');
      expect((await digestActivity(db, one.tenantId, 'eml_digest')).map((r) => r.subjectId)).toEqual([
        's2',
        's1',
      ]);
      expect(await digestActivity(db, two.tenantId, 'eml_digest')).toEqual([]);
    });
  });
}
