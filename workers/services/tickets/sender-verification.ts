import { parseAuthenticationResults } from './authentication-results';

/**
 * Who may write on a client's thread by email: the header From is the client's address on file,
 * and the envelope sender agrees with it — the same domain (unless our receiving side saw SPF or
 * DMARC fail), or our receiving side vouches for the From domain (DKIM signature aligned with it,
 * or DMARC passed for it).
 */

/**
 * Authentication-Results written by the side that received the message for us. Headers are
 * prepended on the way, so only the topmost one can be the receiver's: any further down — or a
 * topmost one naming someone else — came with the message and may be the sender's own invention.
 */
export const RECEIVING_AUTHSERV_IDS = ['mx.cloudflare.net'];

export type SenderCheck = { ok: true } | { ok: false; fromIsClient: boolean };

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** DKIM relaxed alignment (RFC 7489 §3.1.1): the signing domain is the From domain or a parent of it. */
function aligned(signingDomain: string, fromDomain: string) {
  const d = signingDomain.replace(/^@/, '');
  return d.includes('.') && (d === fromDomain || fromDomain.endsWith(`.${d}`));
}

export function verifySender(opts: {
  envelopeFrom: string;
  headerFrom: string | undefined;
  clientEmail: string | null | undefined;
  headers: { key: string; value: string }[];
}): SenderCheck {
  const from = opts.headerFrom?.trim().toLowerCase() ?? '';
  const client = opts.clientEmail?.trim().toLowerCase() ?? '';
  if (!client || from !== client) return { ok: false, fromIsClient: false };
  const fromDomain = domainOf(from);
  const top = opts.headers.find((h) => h.key.toLowerCase() === 'authentication-results');
  const parsed = top ? parseAuthenticationResults(top.value) : null;
  const ar = parsed && RECEIVING_AUTHSERV_IDS.includes(parsed.authservId) ? parsed : null;
  // The envelope is the sender's own word: its agreement counts only while our receiver has not
  // seen SPF or DMARC fail for it — a forged envelope on the client's domain fails SPF there.
  const refuted = ar?.results.some(
    (r) =>
      (r.method === 'spf' && ['fail', 'softfail', 'permerror'].includes(r.result)) ||
      (r.method === 'dmarc' && r.result === 'fail'),
  );
  const envelope = opts.envelopeFrom.trim().toLowerCase();
  if (envelope.includes('@') && domainOf(envelope) === fromDomain && !refuted) return { ok: true };
  if (!ar) return { ok: false, fromIsClient: true };
  const vouched = ar.results.some(
    (r) =>
      r.result === 'pass' &&
      ((r.method === 'dkim' && aligned(r.props['header.d'] ?? '', fromDomain)) ||
        (r.method === 'dmarc' && r.props['header.from'] === fromDomain)),
  );
  return vouched ? { ok: true } : { ok: false, fromIsClient: true };
}
