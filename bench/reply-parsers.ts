/**
 * Quote stripping on the reply corpus (workers/test/fixtures/replies.ts): the maintained
 * parser that runs in workerd (email-reply-parser, fed html-to-text output for HTML-only
 * mail) against this project's reply-text module, pass rate per language, and the time
 * per reply. Run: pnpm bench:reply-parsers
 */
import EmailReplyParser from 'email-reply-parser';
import { htmlToText, replyText } from '../workers/services/tickets/reply-text';
import { REPLY_CORPUS } from '../workers/test/fixtures/replies';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const parsers: Record<string, (c: { text?: string; html?: string }) => string> = {
  'email-reply-parser 2.3.9': (c) =>
    new EmailReplyParser().read(c.text ?? htmlToText(c.html ?? '')).getVisibleText(),
  'reply-text (ours)': (c) => replyText(c),
};
const langs = ['en', 'ru', 'pt', 'it', 'ja'] as const;
console.log(`\n${REPLY_CORPUS.length} replies\n`);
console.log(
  `| parser | ${langs.join(' | ')} | all | µs per reply |\n|---|${langs.map(() => '---').join('|')}|---|---|`,
);
for (const [name, parse] of Object.entries(parsers)) {
  const cells = langs.map((lang) => {
    const cases = REPLY_CORPUS.filter((c) => c.lang === lang);
    const ok = cases.filter((c) => norm(parse(c)) === norm(c.expected)).length;
    return `${ok}/${cases.length}`;
  });
  const total = REPLY_CORPUS.filter((c) => norm(parse(c)) === norm(c.expected)).length;
  const rounds = 200;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) for (const c of REPLY_CORPUS) parse(c);
  const micros = ((performance.now() - started) * 1000) / (rounds * REPLY_CORPUS.length);
  console.log(`| ${name} | ${cells.join(' | ')} | ${total}/${REPLY_CORPUS.length} | ${micros.toFixed(0)} |`);
}
