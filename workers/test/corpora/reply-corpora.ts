/**
 * The public test corpora of two peer reply parsers, turned into cases the product's
 * extraction is measured on (the Worker test through Vite's glob import, the benchmark
 * through node:fs — both hand this module a map of path → file text).
 *
 * - github/email_reply_parser: `test/emails/*.txt`, with the reply its Ruby test asserts.
 *   Where a test asserts `parse_reply(...)` or the first fragment's text, that string is
 *   the expectation. The others assert fragment boundaries only (quoted / signature /
 *   hidden flags and a regex per fragment); for those, the reply is the fixture's
 *   unquoted, non-signature fragments, written below as line ranges of the fixture
 *   (`GITHUB_FRAGMENTS`) and checked against the first fragment's asserted regex.
 *   `email_long_quote.txt` is left out: its test asserts run time and a fragment count only.
 * - mailgun/talon: every `eq_(…, extract_from_plain|extract_from_html(…))` in
 *   `tests/text_quotations_test.py` and `tests/html_quotations_test.py` (helpers such as
 *   `_check_pattern_original_message` evaluated per call), and each
 *   `tests/fixtures/standard_replies/*.eml` with its `*_reply_text` (else "Hello", as the
 *   test says). Tests decorated with `@patch` run talon under a changed setting (one line
 *   of history allowed, a broken HTML parser) and are left out.
 *
 * How a reply is compared (`sameReply`): whitespace runs count as one space (HTML cases:
 * whitespace is ignored, as talon's own tests do). A peer that keeps a phone signature
 * ("Sent from my iPhone") has it removed from the expectation — the product drops it.
 * A closing `-- ` signature and trailing sign-off lines ("Regards, Roman", "-Abhishek Kona",
 * "Thanks,\nAlex") may be kept or dropped by either side, when the sender wrote them outside
 * any quote.
 */

import { convert } from 'html-to-text';
import { callArgs, closeParen, evaluate, stringAt } from './python-literals';

export interface CorpusCase {
  id: string;
  source: 'github' | 'talon';
  /** Language group of the words that matter (attribution, headers, signature). */
  lang: string;
  text?: string;
  html?: string;
  /** A whole RFC 822 message, to go through the inbound path's MIME parsing. */
  eml?: string;
  expected: string;
  whitespace: 'collapsed' | 'ignored';
}

export type CorpusFiles = Record<string, string>;

function need(files: CorpusFiles, path: string): string {
  const text = files[path];
  if (text === undefined)
    throw new Error(`reply corpora: ${path} is missing — is shared/ beside the repository?`);
  return text;
}

// ---------------------------------------------------------------- github (Ruby)

/** Replies of the tests that assert fragments only: 1-based inclusive line ranges. */
const GITHUB_FRAGMENTS: Record<string, Array<[number, number]> | 'all'> = {
  email_1_2: [
    [1, 1],
    [9, 34],
  ],
  email_1_3: [[1, 5]],
  email_1_4: [[1, 1]],
  email_1_5: 'all',
  email_1_6: [[1, 1]],
  email_1_7: [[1, 1]],
  email_1_8: [
    [13, 13],
    [19, 19],
  ],
  correct_sig: 'all',
  greedy_on: [[1, 6]],
  email_one_is_not_on: [[1, 5]],
  pathological: [[1, 2]],
  email_sig_delimiter_in_middle_of_line: 'all',
};

/** A Ruby double-quoted literal at `i`; unlike Python's, it may span lines. */
function rubyString(src: string, i: number): { value: string; end: number } | undefined {
  const m = /^\s*"((?:[^"\\]|\\.)*)"/.exec(src.slice(i));
  if (!m) return undefined;
  const value = m[1]!.replace(/\\(.)/gs, (_, e: string) => (e === 'n' ? '\n' : e === 't' ? '\t' : e));
  return { value, end: i + m[0].length };
}

function githubCases(files: CorpusFiles): CorpusCase[] {
  const root = 'github/test/';
  const rb = need(files, `${root}email_reply_parser_test.rb`);
  const fixture = (name: string) => need(files, `${root}emails/${name}.txt`);
  const exact = new Map<string, string>();
  const firstFragment = new Map<string, RegExp>();
  const literals: Array<{ id: string; text: string; expected: string }> = [];

  for (const block of rb.split(/\n {2}def /).slice(1)) {
    const test = /^(\w+)/.exec(block)![1]!;
    const name =
      /email\(:?"?(\w+)"?\)/.exec(block)?.[1] ?? /EMAIL_FIXTURE_PATH\.join\("(\w+)\.txt"\)/.exec(block)?.[1];
    const assertEq = block.indexOf('assert_equal "');
    if (assertEq >= 0) {
      const lit = rubyString(block, assertEq + 'assert_equal '.length);
      const target = lit ? block.slice(lit.end).split(/\n\s*\n|\n {2}end/)[0]! : '';
      // The first fragment is the whole reply only when every later one is hidden.
      const hidden = /assert_equal \[([^\]]*)\],\s*reply\.fragments\.map \{ \|f\| f\.hidden\? \}/.exec(block);
      const onlyFirstShown = hidden ? /^\s*false(,\s*true)*\s*$/.test(hidden[1]!) : false;
      const isReply =
        /parse_reply\(body\)/.test(target) || (/fragments\[0\]\.to_s/.test(target) && onlyFirstShown);
      if (lit && name && isReply && !exact.has(name)) {
        exact.set(name, lit.value);
      }
    }
    const inline = /(\w+) = "([^"\n]*)"\n\s*assert_equal \1, EmailReplyParser\.parse_reply\(\1\)/.exec(block);
    if (inline) literals.push({ id: `github:${test}`, text: inline[2]!, expected: inline[2]! });
    const match = /assert_match[( ]\/(.+?)\/, reply\.fragments\[0\]/.exec(block);
    if (name && match) firstFragment.set(name, new RegExp(match[1]!, 'm'));
  }

  const cases: CorpusCase[] = literals.map((l) => ({
    ...l,
    source: 'github',
    lang: 'en',
    whitespace: 'collapsed',
  }));
  const names = Object.keys(files)
    .filter((p) => p.startsWith(`${root}emails/`) && p.endsWith('.txt'))
    .map((p) => p.slice(`${root}emails/`.length, -4))
    .sort();
  for (const name of names) {
    const text = fixture(name);
    let expected = exact.get(name);
    const ranges = GITHUB_FRAGMENTS[name];
    if (expected === undefined && ranges) {
      const lines = text.replace(/\r\n?/g, '\n').split('\n');
      expected =
        ranges === 'all' ? text : ranges.map(([a, b]) => lines.slice(a - 1, b).join('\n')).join('\n\n');
      // The first fragment is the reply's start unless the fixture opens with the quote.
      const first = ranges === 'all' || ranges[0]![0] === 1 ? firstFragment.get(name) : undefined;
      if (first && !first.test(expected)) {
        throw new Error(`reply corpora: github ${name} no longer starts as its test asserts (${first})`);
      }
    }
    if (expected === undefined) continue;
    cases.push({
      id: `github:${name}`,
      source: 'github',
      lang: 'en',
      text,
      expected: withoutPhoneSignature(expected),
      whitespace: 'collapsed',
    });
  }
  return cases;
}

// ---------------------------------------------------------------- talon (Python)

const LANGUAGE_OF_TEST: Array<[RegExp, string]> = [
  [/german/, 'de'],
  [/french/, 'fr'],
  [/polish/, 'pl'],
  [/danish|swedish|norwegian/, 'nordic'],
  [/dutch/, 'nl'],
  [/vietnamese/, 'vi'],
  [/mail_ru|yandex/, 'ru'],
];

/** The language of the words a parser has to recognise, when the test name does not say. */
function languageOf(test: string, input: string): string {
  for (const [re, lang] of LANGUAGE_OF_TEST) if (re.test(test)) return lang;
  if (/schreef|geschreven/.test(input)) return 'nl';
  if (/\bskrev\b/.test(input)) return 'nordic';
  if (/napisał/.test(input)) return 'pl';
  if (/[а-яё]{3}/i.test(input)) return 'ru';
  return 'en';
}

interface PyFunction {
  name: string;
  params: string[];
  body: string;
  decorated: boolean;
}

function pyFunctions(src: string): PyFunction[] {
  const out: PyFunction[] = [];
  const re = /^((?:@.*\n)*)def (\w+)\(([^)]*)\):\n/gm;
  const heads = [...src.matchAll(re)];
  heads.forEach((m, k) => {
    const end = k + 1 < heads.length ? heads[k + 1]!.index : src.length;
    out.push({
      name: m[2]!,
      params: m[3]!
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
      body: src.slice(m.index + m[0].length, end),
      decorated: m[1]!.trim().length > 0,
    });
  });
  return out;
}

/** End of the expression starting at `i`: the end of its line, past any bracketed part. */
function expressionEnd(src: string, i: number): number {
  let j = i;
  while (j < src.length && src[j] !== '\n') {
    const c = src[j]!;
    if (c === '\\' && src[j + 1] === '\n') {
      j += 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const s = stringAt(src, j);
      if (s) {
        j = s.end;
        continue;
      }
    }
    if (c === '(' || c === '[') {
      const close = closeParen(src, j);
      if (close < 0) return src.length;
      j = close;
      continue;
    }
    j++;
  }
  return j;
}

const EXTRACT = /quotations\.extract_from_(plain|html)\(/;

interface Found {
  test: string;
  input: string;
  kind: 'plain' | 'html';
  expected: string;
  wsIgnored: boolean;
}

function runPyFunction(
  fn: PyFunction,
  args: string[],
  constants: Record<string, string>,
  files: CorpusFiles,
  helpers: Map<string, PyFunction>,
  found: Found[],
  test: string,
) {
  const names: Record<string, string> = { ...constants };
  fn.params.forEach((p, k) => {
    if (args[k] !== undefined) names[p] = args[k]!;
  });
  /** Variables holding an extraction's result: which input, plain or HTML. */
  const extracted = new Map<string, { input: string; kind: 'plain' | 'html' }>();
  const opened = new Map<string, string>();
  const body = fn.body;
  const stmt = /^[ \t]+(?:(\w+)\s*=\s*|(eq_)\(|(_?\w+)\()/gm;
  for (let m = stmt.exec(body); m; m = stmt.exec(body)) {
    const at = m.index + m[0].length;
    if (m[1]) {
      const end = expressionEnd(body, at);
      const expr = body.slice(at, end);
      stmt.lastIndex = end;
      delete names[m[1]];
      extracted.delete(m[1]);
      const open = /^open\(([^,)]+)/.exec(expr);
      const read = /^(\w+)\.read\(\)$/.exec(expr.trim());
      const ex = EXTRACT.exec(expr);
      if (open) {
        const path = evaluate(open[1]!, names);
        if (path !== undefined) opened.set(m[1], path.replace(/^tests\//, 'talon/tests/'));
      } else if (read && opened.has(read[1]!)) {
        names[m[1]] = need(files, opened.get(read[1]!)!);
      } else if (ex) {
        const [arg] = callArgs(expr, ex.index + ex[0].length - 1);
        const input = arg === undefined ? undefined : evaluate(arg, names);
        if (input !== undefined) extracted.set(m[1], { input, kind: ex[1] as 'plain' | 'html' });
      } else if (/^u\.html_to_text\((\w+)\)$/.test(expr.trim())) {
        const from = extracted.get(/\((\w+)\)/.exec(expr)![1]!);
        if (from) extracted.set(m[1], from);
      } else {
        const value = evaluate(expr, names);
        if (value !== undefined) names[m[1]] = value;
      }
      continue;
    }
    const open = at - 1;
    const close = closeParen(body, open);
    stmt.lastIndex = close < 0 ? body.length : close;
    const callArgsList = callArgs(body, open);
    if (m[2]) {
      const unwrap = (a: string) => {
        const ws = /^RE_WHITESPACE\.sub\(\s*''\s*,\s*([\s\S]*)\)$/.exec(a);
        return { expr: ws ? ws[1]!.trim() : a, ws: Boolean(ws) };
      };
      const [a, b] = callArgsList.map(unwrap);
      if (!a || !b) continue;
      const source = (x: { expr: string }) => {
        const ex = EXTRACT.exec(x.expr);
        if (ex && ex.index === 0) {
          const [arg] = callArgs(x.expr, ex[0].length - 1);
          const input = arg === undefined ? undefined : evaluate(arg, names);
          return input === undefined ? undefined : { input, kind: ex[1] as 'plain' | 'html' };
        }
        return extracted.get(x.expr);
      };
      const fromB = source(b);
      const fromA = fromB ? undefined : source(a);
      const got = fromB ?? fromA;
      const expectedExpr = fromB ? a : b;
      const expected = got ? evaluate(expectedExpr.expr, names) : undefined;
      if (got && expected !== undefined) {
        found.push({ test, ...got, expected, wsIgnored: a.ws || b.ws });
      }
      continue;
    }
    const helper = helpers.get(m[3]!);
    if (helper) {
      const values = callArgsList.map((x) => evaluate(x, names));
      if (values.every((v) => v !== undefined)) {
        runPyFunction(helper, values as string[], constants, files, helpers, found, test);
      }
    }
  }
}

function talonInline(files: CorpusFiles, file: string): CorpusCase[] {
  const src = need(files, `talon/tests/${file}`);
  const init = need(files, 'talon/tests/fixtures/__init__.py');
  const constants: Record<string, string> = {};
  for (const m of init.matchAll(/with open\("(.+?)"\) as f:\s+(\w+) = f\.read\(\)/g)) {
    constants[m[2]!] = need(files, `talon/${m[1]}`);
  }
  const fns = pyFunctions(src);
  const helpers = new Map(fns.filter((f) => !f.name.startsWith('test_')).map((f) => [f.name, f]));
  const found: Found[] = [];
  for (const fn of fns) {
    if (!fn.name.startsWith('test_') || fn.decorated) continue;
    runPyFunction(fn, [], constants, files, helpers, found, fn.name);
  }
  const seen = new Map<string, number>();
  return found.map((f) => {
    const n = (seen.get(f.test) ?? 0) + 1;
    seen.set(f.test, n);
    const id = `talon:${f.test}${n > 1 ? `#${n}` : ''}`;
    const html = f.kind === 'html';
    return {
      id,
      source: 'talon',
      lang: languageOf(f.test, f.input),
      ...(html ? { html: f.input } : { text: f.input }),
      expected: html ? textOfHtml(f.expected) : f.expected,
      whitespace: html || f.wsIgnored ? 'ignored' : 'collapsed',
    } satisfies CorpusCase;
  });
}

function talonStandard(files: CorpusFiles): CorpusCase[] {
  const dir = 'talon/tests/fixtures/standard_replies/';
  return Object.keys(files)
    .filter((p) => p.startsWith(dir) && p.endsWith('.eml'))
    .sort()
    .map((p) => {
      const name = p.slice(dir.length, -4);
      const reply = files[`${dir}${name}_reply_text`]?.trim() ?? 'Hello';
      return {
        id: `talon:standard_replies/${name}`,
        source: 'talon',
        lang: 'en',
        eml: files[p]!,
        expected: withoutPhoneSignature(reply),
        whitespace: 'collapsed',
      } satisfies CorpusCase;
    });
}

// ---------------------------------------------------------------- comparison

/** talon asserts HTML; the product stores text. Quotes talon kept stay, without markers. */
function textOfHtml(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'blockquote', format: 'block' },
      { selector: 'hr', format: 'skip' },
    ],
  });
}

/** A peer keeps "Sent from my iPhone" / "Sent with Sparrow (…)"; the product drops it. */
function withoutPhoneSignature(text: string): string {
  return text.replace(/\n\s*Sent (?:from|with) [^\n,]{1,60}[^.\n]\s*$/i, '').trimEnd();
}

const SIGN_OFF =
  /^(?:[-–—]\s*\p{L}.{0,30}|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},?|(?:best|kind|warm)?\s*(?:regards|wishes|thanks|thank you|cheers|sincerely)\b.{0,30})$/iu;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Lines the sender wrote outside any quote: only those can be a sign-off a side may drop. */
function unquotedLines(c: Pick<CorpusCase, 'text' | 'html' | 'eml'>): Set<string> {
  const source = c.text ?? c.eml ?? convert(c.html ?? '', { wordwrap: false });
  return new Set(
    source
      .split(/\r?\n/)
      .filter((l) => !l.trimStart().startsWith('>'))
      .map(collapse),
  );
}

/**
 * The text, and the text without a closing `-- ` signature and without up to three
 * trailing sign-off lines ("Regards, Roman", "-Abhishek Kona", "Alex") that the sender
 * wrote unquoted — a quote a peer kept is never excused as a sign-off.
 */
function variants(text: string, written: Set<string>): string[] {
  const lines = text.replace(/\r\n?/g, '\n').trimEnd().split('\n');
  const sig = lines.findIndex((l) => l === '-- ' || l === '--');
  const body = sig >= 0 ? lines.slice(0, sig) : lines;
  const out = [lines.join('\n'), body.join('\n')];
  const trimmed = [...body];
  for (let k = 0; k < 3; k++) {
    while (trimmed.length && !trimmed.at(-1)!.trim()) trimmed.pop();
    const last = collapse(trimmed.at(-1) ?? '');
    if (!last || trimmed.length < 2 || last.length > 40 || !SIGN_OFF.test(last) || !written.has(last)) break;
    trimmed.pop();
    out.push(trimmed.join('\n'));
  }
  return out;
}

export function sameReply(
  actual: string,
  c: Pick<CorpusCase, 'expected' | 'whitespace' | 'text' | 'html' | 'eml'>,
): boolean {
  const norm = c.whitespace === 'ignored' ? (s: string) => s.replace(/\s+/g, '') : collapse;
  const written = unquotedLines(c);
  const want = new Set(variants(c.expected, written).map(norm));
  return variants(actual, written).some((v) => want.has(norm(v)));
}

/** Every case of both corpora; throws when the corpora are missing or unreadable. */
export function replyCorpora(files: CorpusFiles): CorpusCase[] {
  if (Object.keys(files).length === 0) {
    throw new Error('reply corpora: no files — shared/corpora/replies must sit beside the repository');
  }
  const cases = [
    ...githubCases(files),
    ...talonInline(files, 'text_quotations_test.py'),
    ...talonInline(files, 'html_quotations_test.py'),
    ...talonStandard(files),
  ];
  if (cases.length < 100)
    throw new Error(`reply corpora: only ${cases.length} cases read — has the layout changed?`);
  return cases;
}
