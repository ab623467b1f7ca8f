import { validMessageId } from './message-id';

/**
 * Every value that ends up in a header of a message we send passes through here, whatever
 * its source (business names, client names, subjects, stored Message-IDs, file names): a CR
 * or LF in a header value starts a new header line — or, doubled, the body — of our own email.
 */

/** Thrown when a value that must be exact (an address, our own Message-ID) is not. */
export class UnsafeHeaderError extends Error {
  constructor(header: string, value: string) {
    super(
      `Refusing to build an email: the ${header} header value ${JSON.stringify(value.slice(0, 80))} is not valid`,
    );
    this.name = 'UnsafeHeaderError';
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Free text (display names, subjects): control characters become one space. Such text is
 * RFC 2047-encoded by the builder, but a mail program decoding it must not see line breaks either.
 */
export function headerText(value: string, max = 998): string {
  return value
    .replace(CONTROL, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .slice(0, max);
}

/** An addr-spec we put in From, To or Reply-To: printable ASCII, no spaces, brackets or quotes. */
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

/** Whether mail can be addressed to it (inputs refuse what the message builder would). */
export const isSendableAddress = (value: string) => ADDRESS.test(value.trim());

export function headerAddress(header: string, value: string): string {
  const addr = value.trim();
  if (!ADDRESS.test(addr)) throw new UnsafeHeaderError(header, value);
  return addr;
}

/** Our own Message-ID must be valid: a message without one would be misthreaded, so refuse. */
export function headerMessageId(header: string, value: string): string {
  const id = validMessageId(value);
  if (!id) throw new UnsafeHeaderError(header, value);
  return id;
}

/** Thread ids (In-Reply-To, References) are best effort: an invalid one is dropped, not sent. */
export function headerMessageIds(values: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const id = validMessageId(v);
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/** A file name inside `name="…"` / `filename="…"`: no controls, quotes or backslashes. */
export function headerFilename(value: string): string {
  return headerText(value, 150).replace(/["\\]/g, '_') || 'attachment';
}

/** A media type `type/subtype` of RFC 2045 token characters, else the neutral default. */
export function headerContentType(value: string): string {
  return /^[A-Za-z0-9!#$&^_.+-]{1,64}\/[A-Za-z0-9!#$&^_.+-]{1,64}$/.test(value)
    ? value
    : 'application/octet-stream';
}

/**
 * The last word on a built message: its header block is only the header lines we wrote (each
 * `Name: value`, long ones folded with leading whitespace). Anything else means a value slipped
 * a line break past the checks above, and the message is refused instead of sent.
 */
export function assertHeaderBlock(raw: string, allowed: readonly string[]) {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const names = new Set(allowed.map((n) => n.toLowerCase()));
  const seen = new Set<string>();
  for (const line of head.split('\r\n')) {
    if (/^[ \t]\S/.test(line)) continue;
    const name = /^([A-Za-z0-9-]+):/.exec(line)?.[1]?.toLowerCase();
    if (!name || !names.has(name) || seen.has(name)) throw new UnsafeHeaderError('message', line);
    seen.add(name);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) throw new UnsafeHeaderError(name, line);
  }
}
