import { describe, expect, it } from 'vitest';
import { parseMail } from '../services/tickets/parse-mail';
import { replyText } from '../services/tickets/reply-text';
import { sameReply } from './corpora/reply-corpora';
import { sharedReplyCorpora } from './corpora/shared-reply-corpora';

/**
 * The public test corpora of github/email_reply_parser and mailgun/talon
 * (../shared/corpora/replies, see corpora/reply-corpora.ts for how cases and comparisons
 * are read). bench/reply-parsers.ts prints the same figures beside the peer parsers.
 */
describe('reply extraction on the shared corpora (runs in workerd)', () => {
  const cases = sharedReplyCorpora();

  it('reads both corpora: github fixtures, talon inline cases, HTML and whole messages', () => {
    expect(cases.length).toBeGreaterThanOrEqual(110);
    expect(cases.filter((c) => c.source === 'github').length).toBeGreaterThanOrEqual(20);
    expect(cases.filter((c) => c.html).length).toBeGreaterThanOrEqual(20);
    expect(cases.filter((c) => c.eml).length).toBeGreaterThanOrEqual(12);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('gets at least 95 % of the replies right, whole messages through the inbound MIME path', async () => {
    const failed: string[] = [];
    for (const c of cases) {
      const out = c.eml ? replyText(await parseMail(c.eml)) : replyText(c);
      if (!sameReply(out, c)) failed.push(c.id);
    }
    const rate = (cases.length - failed.length) / cases.length;
    console.log(
      `reply corpora: ${cases.length - failed.length}/${cases.length}; missed: ${failed.join(', ')}`,
    );
    expect(rate, `missed ${failed.length}: ${failed.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('gets every non-English reply right', async () => {
    const failed = cases.filter((c) => c.lang !== 'en' && !sameReply(replyText(c), c)).map((c) => c.id);
    expect(failed).toEqual([]);
  });
});
