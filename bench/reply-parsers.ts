/**
 * Reply extraction, side by side: this project's reply-text module and the maintained
 * parsers on npm — email-reply-parser 2.3.9 (a port of github/email_reply_parser) and
 * planer 1.2.0 (a port of mailgun/talon) — on the test corpora of github/email_reply_parser
 * and mailgun/talon (../shared/corpora/replies, read by workers/test/corpora) and on the
 * product's own 25 replies (workers/test/fixtures/replies.ts). Pass rates per source, per
 * language group and in total, and the time per reply.
 *
 * Every parser gets the same input: the text/plain body as the inbound path decodes it
 * (parse-mail.ts for whole messages), or, for HTML-only mail, html-to-text's rendering
 * (planer's own HTML mode needs a DOM, which a Worker does not have). Comparison rules are
 * the corpus loader's (`sameReply`).
 *
 * Run: pnpm bench:reply-parsers
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmailReplyParser from 'email-reply-parser';
// @ts-expect-error planer ships no types
import planer from 'planer';
import { parseMail } from '../workers/services/tickets/parse-mail';
import { htmlToText, replyText } from '../workers/services/tickets/reply-text';
import { readReplyCorpora } from '../workers/test/corpora/read-reply-corpora';
import { type CorpusCase, replyCorpora, sameReply } from '../workers/test/corpora/reply-corpora';
import { REPLY_CORPUS } from '../workers/test/fixtures/replies';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpora = replyCorpora(readReplyCorpora(join(ROOT, '..', 'shared', 'corpora', 'replies')));

interface Input {
  text?: string;
  html?: string;
}
const plain = (c: Input) => c.text ?? htmlToText(c.html ?? '');
const parsers: Record<string, (c: Input) => string> = {
  'reply-text (ours)': (c) => replyText(c),
  'email-reply-parser 2.3.9': (c) => new EmailReplyParser().read(plain(c)).getVisibleText(),
  'planer 1.2.0': (c) => (planer as { extractFromPlain(s: string): string }).extractFromPlain(plain(c)),
};

/** Whole messages go through the inbound path's MIME parsing once, before timing. */
const inputs = new Map<CorpusCase, Input>();
for (const c of corpora) {
  if (c.eml) {
    const mail = await parseMail(c.eml);
    inputs.set(c, { text: mail.text, html: mail.html });
  } else inputs.set(c, c);
}

const product = REPLY_CORPUS.map((c) => ({
  lang: c.lang,
  input: c as Input,
  ok: (out: string) =>
    out.replace(/\s+/g, ' ').trim() === c.expected.replace(/\s+/g, ' ').trim() &&
    !out.includes('billing@clientele.app'),
}));

const pct = (ok: number, all: number) => `${ok}/${all} (${((100 * ok) / all).toFixed(1)} %)`;
const groups: Array<[string, (c: CorpusCase) => boolean]> = [
  ['github', (c) => c.source === 'github'],
  ['talon', (c) => c.source === 'talon'],
  ['English', (c) => c.lang === 'en'],
  ['other languages', (c) => c.lang !== 'en'],
  ...[...new Set(corpora.map((c) => c.lang))]
    .filter((l) => l !== 'en')
    .sort()
    .map((l): [string, (c: CorpusCase) => boolean] => [`  ${l}`, (c) => c.lang === l]),
];

const names = Object.keys(parsers);
console.log(
  `\n${corpora.length} replies from the shared corpora, ${REPLY_CORPUS.length} from the product's own\n`,
);
console.log(`| | ${names.join(' | ')} |\n|---|${names.map(() => '---').join('|')}|`);
const results = Object.fromEntries(
  names.map((n) => {
    const parse = parsers[n]!;
    return [n, new Map(corpora.map((c) => [c, sameReply(parse(inputs.get(c)!), c)]))];
  }),
);
for (const [label, member] of groups) {
  const cases = corpora.filter(member);
  const cells = names.map((n) => pct(cases.filter((c) => results[n]!.get(c)).length, cases.length));
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}
const total = names.map((n) => pct(corpora.filter((c) => results[n]!.get(c)).length, corpora.length));
console.log(`| **shared corpora** | ${total.join(' | ')} |`);
const own = names.map((n) => pct(product.filter((p) => p.ok(parsers[n]!(p.input))).length, product.length));
console.log(`| **product corpus** | ${own.join(' | ')} |`);
for (const lang of ['en', 'ru', 'pt', 'it', 'ja']) {
  const mine = product.filter((p) => p.lang === lang);
  const cells = names.map((n) => pct(mine.filter((p) => p.ok(parsers[n]!(p.input))).length, mine.length));
  console.log(`|   ${lang} | ${cells.join(' | ')} |`);
}

const all = [...inputs.values(), ...product.map((p) => p.input)];
const micros = names.map((n) => {
  const parse = parsers[n]!;
  for (const c of all) parse(c);
  const rounds = 50;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const c of all) parse(c);
  return (((performance.now() - started) * 1000) / (rounds * all.length)).toFixed(0);
});
console.log(`| µs per reply | ${micros.join(' | ')} |`);

const missed = corpora.filter((c) => !results['reply-text (ours)']!.get(c)).map((c) => c.id);
if (missed.length) console.log(`\nours misses: ${missed.join(', ')}`);
