import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import {
  replyAddress,
  replyToken,
  ticketIdOf,
  tokenMatches,
  tokenOf,
} from '../services/tickets/reply-address';
import { replyText } from '../services/tickets/reply-text';
import { REPLY_CORPUS } from './fixtures/replies';
import { appContext } from './helpers/context';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('reply text: quoted history and signatures stripped (runs in workerd)', () => {
  it('has at least 20 replies across en, ru, pt, it and ja, plain and HTML-only', () => {
    expect(REPLY_CORPUS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(REPLY_CORPUS.map((c) => c.lang))).toEqual(new Set(['en', 'ru', 'pt', 'it', 'ja']));
    expect(REPLY_CORPUS.some((c) => c.html && !c.text)).toBe(true);
  });

  for (const c of REPLY_CORPUS) {
    it(`${c.lang}: ${c.name}`, () => {
      const out = replyText(c);
      expect(norm(out)).toBe(norm(c.expected));
      // Nothing of the quoted message survives.
      expect(out).not.toContain('the invoice is now corrected');
      expect(out).not.toContain('billing@clientele.app');
    });
  }
});

describe('reply addresses', () => {
  const ticket = { id: 'tkt_0123456789abcdefghjkmnpq', tenantId: 'ten_aaaaaaaaaaaaaaaaaaaaaaaa' };

  it('fit in 64 characters and name their ticket', async () => {
    const address = await replyAddress(appContext(), ticket.tenantId, ticket.id);
    const [local, domain] = address.split('@') as [string, string];
    expect(local.length).toBeLessThanOrEqual(64);
    expect(domain).toBe(env.INBOUND_EMAIL_DOMAIN);
    const token = tokenOf(address, env.INBOUND_EMAIL_DOMAIN)!;
    expect(ticketIdOf(token)).toBe(ticket.id);
    expect(await tokenMatches(env.REPLY_TOKEN_KEY, token, ticket)).toBe(true);
    // Mail servers may change the case of the local part.
    expect(tokenOf(address.toUpperCase(), env.INBOUND_EMAIL_DOMAIN)).toBe(token);
  });

  it('refuse one changed character, another ticket, another business, another key, another domain', async () => {
    const token = await replyToken(env.REPLY_TOKEN_KEY, ticket.tenantId, ticket.id);
    for (let i = 0; i < token.length; i += 7) {
      const changed = token.slice(0, i) + (token[i] === 'a' ? 'b' : 'a') + token.slice(i + 1);
      expect(await tokenMatches(env.REPLY_TOKEN_KEY, changed, ticket)).toBe(false);
    }
    expect(
      await tokenMatches(env.REPLY_TOKEN_KEY, token, { ...ticket, id: 'tkt_0123456789abcdefghjkmnpr' }),
    ).toBe(false);
    expect(
      await tokenMatches(env.REPLY_TOKEN_KEY, token, { ...ticket, tenantId: 'ten_bbbbbbbbbbbbbbbbbbbbbbbb' }),
    ).toBe(false);
    expect(await tokenMatches('another-key', token, ticket)).toBe(false);
    expect(tokenOf(`reply+${token}@evil.example`, env.INBOUND_EMAIL_DOMAIN)).toBeNull();
    expect(
      tokenOf(`reply+${token.slice(1)}@${env.INBOUND_EMAIL_DOMAIN}`, env.INBOUND_EMAIL_DOMAIN),
    ).toBeNull();
  });
});
