/**
 * RFC 5322 msg-id as we accept it from anywhere (inbound mail, our own records): `<local@domain>`
 * of printable ASCII with no whitespace, no control characters and no further angle brackets.
 * A header value read from mail is attacker-controlled, and postal-mime decodes RFC 2047 words
 * even here, so anything else — CR/LF above all — is dropped rather than carried into a header.
 */
const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f-\x7e]{1,250}@[\x21-\x3b\x3d\x3f-\x7e]{1,250}>$/;

/** Longest id we keep: far beyond real mail programs, well inside a header line. */
const MAX_LENGTH = 250;

export function validMessageId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.trim();
  if (id.length > MAX_LENGTH || !MESSAGE_ID.test(id)) return null;
  // One `@` only: the local part of a msg-id is dot-atom or quoted, never with a bare `@`.
  return id.indexOf('@') === id.lastIndexOf('@') ? id : null;
}

/**
 * The valid ids in an In-Reply-To or References value, in order, without repeats. Ids are
 * separated by whitespace or follow one another; anything that is not a whole valid id is
 * skipped, so one bad id never poisons the others.
 */
export function validMessageIds(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const out: string[] = [];
  for (const candidate of value.match(/<[^<>]*>/g) ?? []) {
    const id = validMessageId(candidate);
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}
