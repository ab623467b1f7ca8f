import { convert } from 'html-to-text';
import {
  ATTRIBUTION_ENDINGS,
  ATTRIBUTION_OPENERS,
  FORWARDED,
  type HeaderRole,
  headerRole,
  ORIGINAL_MESSAGE,
  PHONE_SIGNATURES,
  VERB_BEFORE_NAME,
} from './reply-patterns';

/**
 * What the client wrote in an emailed reply, without the quoted history or the phone's
 * signature. Measured against the test corpora of github/email_reply_parser and
 * mailgun/talon (bench/reply-parsers.ts), the maintained parsers miss attributions and
 * header blocks outside English and drop interleaved answers, so this module reads the
 * shapes mail programs write (vocabulary in reply-patterns.ts):
 *
 * - history starts at an attribution ("On … wrote:", wrapped or not, in many languages),
 *   an "Original Message" banner, a quoted header block (From/Sent/To/Subject and their
 *   translations, starting with any of them), or a dash rule that headers follow;
 * - history introduced so and then `>`-quoted ends with the quote: text after it (bottom-
 *   posting, answers between quotes) is the reply; unquoted history runs to the end;
 * - a forwarded message is new to the conversation and is kept.
 */

const MAX_ATTRIBUTION_LINES = 6;
/**
 * Bounds that keep a hostile message linear: only lines this short are looked at as
 * separators (no attribution, banner or header is longer), and only this many lines from
 * the top are searched for where the history starts; below that, only `>` quotes go.
 */
const MAX_MARKER_LINE = 300;
const MAX_SEARCHED_LINES = 2000;
const MAX_HEADER_BLOCK_LINES = 16;

const isBlank = (line: string) => !line.trim();

/** A `>` quote line; a ">>> … <<<" banner is decoration, not a quote. */
function isQuoted(line: string): boolean {
  const t = line.trimStart();
  if (!t.startsWith('>')) return false;
  return t.length > MAX_MARKER_LINE || !/^>{3,}.*<{3,}$/.test(t.trimEnd());
}

const EMAIL_IN_ANGLES = /<[^<>\s]+@[^<>\s]+>/;
/** Gmail without a verb: "<date> <time>, Name <addr>:" (times as 14:02 or 18.30). */
const GMAIL_ATTRIBUTION = /\d{1,2}[:.]\d{2}.*<[^<>\s]+@[^<>\s]+>\s*:$/;
/** Older Gmail: "2011/4/7 Name <addr>" right above the quote. */
const DATE_NAME_ADDRESS = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b.*<[^<>\s]+@[^<>\s]+>$/;

/** Dashes around an attribution ("---- On … wrote ----"), spaces inside `< addr >`. */
const normaliseAttribution = (s: string) =>
  s
    .replace(/^[-\s]+|[-\s]+$/g, '')
    .replace(/<\s+/g, '<')
    .replace(/\s+>/g, '>')
    .replace(/>\s*>/g, '>');

function nextLine(lines: string[], from: number): string | undefined {
  for (let j = from; j < lines.length; j++) if (!isBlank(lines[j]!)) return lines[j];
  return undefined;
}

/**
 * How many lines the attribution at i takes (0: none). It carries a date or an address,
 * or is set off by dashes: that keeps a reply's last line ("Maria") or a sentence ("On your
 * remote host you can run:") from being read as one. Without a closing colon it needs more
 * proof — an address, dashes, or a quote right below. An opening word ("On", "Op", "Le")
 * lets it wrap across a blank line.
 */
function attributionSpan(lines: string[], i: number): number {
  const first = lines[i]!.trim();
  if (!first || first.length > MAX_MARKER_LINE || isQuoted(first)) return 0;
  const dashed = /^-{2,}.*-{2,}$/.test(first);
  const opener = ATTRIBUTION_OPENERS.test(normaliseAttribution(first));
  if (!/\d/.test(first) && !first.includes('@') && !dashed) return 0;
  const parts: string[] = [];
  for (let k = 0; k < MAX_ATTRIBUTION_LINES && i + k < lines.length; k++) {
    const line = lines[i + k]!.trim();
    if (!line) {
      if (opener && k > 0) continue;
      break;
    }
    parts.push(line);
    const raw = parts.join(' ');
    if (raw.length > MAX_MARKER_LINE) break;
    const joined = normaliseAttribution(raw);
    const quoteBelow = () => isQuoted(nextLine(lines, i + k + 1) ?? '');
    if (ATTRIBUTION_ENDINGS.some((r) => r.test(joined))) {
      if (/[:：]$/.test(joined) || dashed || joined.includes('@') || quoteBelow()) return k + 1;
    }
    if (GMAIL_ATTRIBUTION.test(joined) || (opener && VERB_BEFORE_NAME.test(joined))) return k + 1;
    if (DATE_NAME_ADDRESS.test(joined) && EMAIL_IN_ANGLES.test(joined) && quoteBelow()) return k + 1;
  }
  return 0;
}

/**
 * How many lines the quoted header block at i takes (0: none): header lines, with wrapped
 * values between them, up to a blank line. It takes two roles, one of them the sender or
 * the date — so "Date: Wednesday / Time: 7:00" in an invitation stays text.
 */
function headerBlockSpan(lines: string[], i: number): number {
  const first = headerRole(lines[i]!);
  if (!first) return 0;
  const roles = new Set<HeaderRole>([first]);
  let end = i + 1;
  let sinceHeader = 0;
  const last = Math.min(lines.length, i + MAX_HEADER_BLOCK_LINES);
  for (let j = i + 1; j < last && !isBlank(lines[j]!) && sinceHeader < 2; j++) {
    const role = headerRole(lines[j]!);
    if (role) {
      roles.add(role);
      end = j + 1;
      sinceHeader = 0;
    } else sinceHeader++;
  }
  const enough = roles.size >= 2 && (roles.has('from') || roles.has('date'));
  return enough ? end - i : 0;
}

const RULE = /^\s*([-_=])\1{4,}\s*$/;
const LIST_FOOTER = /mailing list|listinfo|unsubscribe/i;

/** Where history starts at line i, and how many lines introduce it (0: not here). */
function historySpan(lines: string[], i: number): number {
  const line = lines[i]!.trim();
  if (line.length > MAX_MARKER_LINE) return 0;
  if (ORIGINAL_MESSAGE.test(line)) return 1;
  if (RULE.test(line)) {
    // A bare rule is a separator only when headers (or a list footer) come right after.
    const next = nextLine(lines, i + 1) ?? '';
    if (headerRole(next) || (LIST_FOOTER.test(next) && !isQuoted(next))) return 1;
    return 0;
  }
  return headerBlockSpan(lines, i) || attributionSpan(lines, i);
}

const INLINE_OPENER = /^(.*\S)\s*(?:-{2,}\s*|\s)((?:On|Le|Am|Em|Il|El|Op|Den|På)\s.*\d.*)$/;

/** "reply On Wed, … wrote:" — the attribution put on the reply's last line: split it. */
function splitInlineAttributions(lines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const m = i < MAX_SEARCHED_LINES && line.length <= MAX_MARKER_LINE ? INLINE_OPENER.exec(line) : null;
    if (m && !isQuoted(line)) {
      const trial = [m[2]!, ...lines.slice(i + 1, i + 3)];
      if (attributionSpan(trial, 0) > 0) {
        out.push(m[1]!.replace(/-+$/, ''), m[2]!);
        return;
      }
    }
    out.push(line);
  });
  return out;
}

/** A long link the quoting program wrapped: a piece of the quote though it has no `>`. */
const WRAPPED_LINK = /^\s*(?:\(?https?:\/\/\S+\)?\s*>?|\S+\))\s*$/;

function insideQuote(lines: string[], i: number): boolean {
  return (
    i > 0 &&
    isQuoted(lines[i - 1]!) &&
    lines[i]!.length <= MAX_MARKER_LINE &&
    WRAPPED_LINK.test(lines[i]!) &&
    isQuoted(nextLine(lines, i + 1) ?? '')
  );
}

/** The lines of the reply: history and quotes out, forwarded messages and answers in. */
function replyLines(lines: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (FORWARDED.test(line.trim())) {
      const headers = headerBlockSpan(lines, i + 1);
      out.push(...lines.slice(i, i + 1 + headers));
      i += 1 + headers;
      continue;
    }
    const span = i < MAX_SEARCHED_LINES ? historySpan(lines, i) : 0;
    if (span) {
      let j = i + span;
      while (j < lines.length && isBlank(lines[j]!)) j++;
      // Quoted history ends with its quote; what follows it is answered below the quote.
      if (j < lines.length && isQuoted(lines[j]!) && !headerBlockSpan(lines, i)) {
        i = j;
        continue;
      }
      break;
    }
    if (!isQuoted(line) && !insideQuote(lines, i)) out.push(line);
    i++;
  }
  return out;
}

/** A short last line "Sent from …" is a signature; with a comma or a full stop, a sentence. */
const SENT_FROM_LAST = /^sent from [^,.]{1,40}$/i;

/** "Sent from my iPhone" — but "Sent from my desk, which is easier…" is a sentence. */
const isPhoneSignature = (line: string) =>
  line.length <= MAX_MARKER_LINE && !/,|[.!?]$/.test(line) && PHONE_SIGNATURES.some((r) => r.test(line));

function stripSignature(lines: string[]): string[] {
  const sig = lines.findIndex((l) => l === '-- ' || l.trim() === '--');
  const out = (sig >= 0 ? lines.slice(0, sig) : lines).filter((l) => !isPhoneSignature(l.trim()));
  while (out.length && isBlank(out.at(-1)!)) out.pop();
  if (out.length > 1 && SENT_FROM_LAST.test(out.at(-1)!.trim())) out.pop();
  return out;
}

const tidy = (lines: string[]) =>
  lines
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** The reply itself, from a plain-text body. */
export function replyFromText(text: string): string {
  const lines = splitInlineAttributions(text.replace(/\r\n?/g, '\n').split('\n'));
  return tidy(stripSignature(replyLines(lines)));
}

/** HTML-only mail: to text first (blockquotes become `>` lines, `<hr>` a rule), then the same rules. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'hr', format: 'horizontalLine', options: { length: 10 } },
    ],
  });
}

export function replyText(mail: { text?: string | undefined; html?: string | undefined }): string {
  if (mail.text?.trim()) return replyFromText(mail.text);
  if (mail.html?.trim()) return replyFromText(htmlToText(mail.html));
  return '';
}
