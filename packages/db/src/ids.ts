const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix =
  | 'ten'
  | 'usr'
  | 'key'
  | 'cli'
  | 'inv'
  | 'est'
  | 'pay'
  | 'tkt'
  | 'msg'
  | 'eml'
  | 'lnk'
  | 'att'
  | 'inm'
  | 'act'
  | 'ses'
  | 'ivt'
  | 'aud'
  | 'exp'
  | 'crd'
  | 'crn'
  | 'rec';

/** Prefixed random id (`cli_…`): 120 random bits in lower-case Crockford base32. */
export function newId(prefix: IdPrefix): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let out = `${prefix}_`;
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}
