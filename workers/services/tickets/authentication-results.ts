/**
 * RFC 8601 `Authentication-Results`, read as far as sender verification needs: who wrote it
 * (authserv-id) and, per method, the result and its properties (`header.d`, `header.from`, …).
 * Comments may nest and hold `;` or `=`, quoted strings may hold anything: both are handled
 * before the value is split, so `(dkim=pass header.d=victim.test)` in a comment counts for nothing.
 */
export interface AuthResult {
  method: string;
  result: string;
  props: Record<string, string>;
}

export interface AuthenticationResults {
  authservId: string;
  results: AuthResult[];
}

/** The value with comments removed and quoted strings kept whole, as a list of `;`-separated parts. */
function parts(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (quoted) {
      if (ch === '\\') i++;
      if (ch === '"') quoted = false;
      // Inside quotes nothing separates or assigns: it stays one token whatever it says.
      else current += /[A-Za-z0-9.@_+-]/.test(ch) ? ch : '_';
      continue;
    }
    if (depth > 0) {
      if (ch === '\\') i++;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === '"') quoted = true;
    else if (ch === ';') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  // An unclosed comment or quote is a broken header: nothing in it is trusted.
  if (depth > 0 || quoted) return [];
  out.push(current);
  return out.map((p) => p.trim());
}

export function parseAuthenticationResults(value: string): AuthenticationResults | null {
  if (value.length > 8192) return null;
  const [head, ...rest] = parts(value);
  const authservId = head?.split(/\s+/)[0]?.toLowerCase();
  if (!authservId) return null;
  const results: AuthResult[] = [];
  for (const part of rest) {
    const pairs = [...part.matchAll(/([A-Za-z0-9_./-]+)\s*=\s*(\S+)/g)];
    const [first, ...props] = pairs;
    if (!first) continue;
    const method = first[1]!.toLowerCase().split('/')[0]!;
    results.push({
      method,
      result: first[2]!.toLowerCase(),
      // The first value of a property counts; a repeat cannot overwrite it.
      props: Object.fromEntries(props.reverse().map((p) => [p[1]!.toLowerCase(), p[2]!.toLowerCase()])),
    });
  }
  return { authservId, results };
}
