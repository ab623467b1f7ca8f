/**
 * Just enough of Python's expression syntax to read talon's tests: string literals (any
 * prefix, any quote, implicit concatenation, escapes), names, `.format(...)`, and the
 * balanced argument lists of a call. Anything else is `undefined`, so the loader can skip a
 * statement it does not understand instead of guessing.
 */

export type Value = string | undefined;

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

function unescapePython(body: string): string {
  return body.replace(/\\(\n|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e === '\n') return '';
    if (e[0] === 'x' || e[0] === 'u') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return ESCAPES[e] ?? `\\${e}`;
  });
}

/** A string literal starting at `i` (after optional whitespace): its value and where it ends. */
export function stringAt(src: string, i: number): { value: string; end: number } | undefined {
  const m = /^\s*([uUrRbB]{0,2})('''|"""|'|")/.exec(src.slice(i));
  if (!m) return undefined;
  const raw = /r/i.test(m[1]!);
  const quote = m[2]!;
  const start = i + m[0].length;
  let j = start;
  while (j < src.length) {
    if (src[j] === '\\') {
      j += 2;
      continue;
    }
    if (src.startsWith(quote, j)) break;
    if (quote.length === 1 && src[j] === '\n') return undefined;
    j++;
  }
  if (j >= src.length) return undefined;
  const body = src.slice(start, j);
  return { value: raw ? body : unescapePython(body), end: j + quote.length };
}

/** Index just past the `)` matching the `(` at `open`, skipping strings. */
export function closeParen(src: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'" || c === '"') {
      const s = stringAt(src, i);
      if (s) {
        i = s.end;
        continue;
      }
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

/** Top-level comma-separated arguments of the call whose `(` is at `open`. */
export function callArgs(src: string, open: number): string[] {
  const close = closeParen(src, open);
  if (close < 0) return [];
  const inner = src.slice(open + 1, close - 1);
  const args: string[] = [];
  let depth = 0;
  let from = 0;
  let i = 0;
  while (i < inner.length) {
    const c = inner[i]!;
    if (c === "'" || c === '"') {
      const s = stringAt(inner, i);
      if (s) {
        i = s.end;
        continue;
      }
    }
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === ',' && depth === 0) {
      args.push(inner.slice(from, i).trim());
      from = i + 1;
    }
    i++;
  }
  if (inner.slice(from).trim()) args.push(inner.slice(from).trim());
  return args;
}

/**
 * The value of an expression: literals (concatenated when adjacent or joined by `+`),
 * parenthesised, a known name, `X.format(arg)` with one `{}`. `names` holds the variables
 * assigned so far in the function and the module's constants.
 */
export function evaluate(expr: string, names: Record<string, string>): Value {
  let e = expr.trim();
  while (e.startsWith('(') && closeParen(e, 0) === e.length) e = e.slice(1, -1).trim();
  const format = /\.format\(/.exec(e);
  if (format && closeParen(e, format.index + 7) === e.length) {
    const base = evaluate(e.slice(0, format.index), names);
    const [arg] = callArgs(e, format.index + 7);
    const value =
      arg === undefined ? undefined : evaluate(arg.replace(/^six\.text_type\((.*)\)$/s, '$1'), names);
    return base === undefined || value === undefined ? undefined : base.replace('{}', value);
  }
  if (/^[A-Za-z_]\w*$/.test(e)) return names[e];
  let out = '';
  let i = 0;
  while (i < e.length) {
    const rest = e.slice(i);
    if (/^\s*$/.test(rest)) break;
    const continued = /^\s*\\\n\s*/.exec(rest);
    if (continued) {
      i += continued[0].length;
      continue;
    }
    const plus = /^\s*\+\s*/.exec(rest);
    if (plus && out) {
      i += plus[0].length;
      continue;
    }
    const s = stringAt(e, i);
    if (!s) return undefined;
    out += s.value;
    i = s.end;
  }
  return i > 0 ? out : undefined;
}
