import { fromBase64Url, sha256Hex, toBase64Url } from '../auth/encoding';
import { DomainError } from '../errors';

/**
 * Secrets at rest: AES-256-GCM under the Worker's ENCRYPTION_KEY, sealed as
 * `<key id>.<iv>.<ciphertext>` with the tenant id as associated data (a sealed value
 * copied to another business's row does not open). The key id (a hash prefix of the key)
 * lets ENCRYPTION_KEY_PREVIOUS open older values while the key is rotated.
 */
export interface Keyring {
  ENCRYPTION_KEY?: string | undefined;
  ENCRYPTION_KEY_PREVIOUS?: string | undefined;
}

export class MissingEncryptionKeyError extends DomainError {
  constructor() {
    super(503, 'encryptionKeyMissing');
  }
}

interface Key {
  id: string;
  key: CryptoKey;
}

async function importKey(material: string): Promise<Key> {
  const raw = fromBase64Url(material.trim().replaceAll('=', ''));
  if (raw.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { id: (await sha256Hex(raw)).slice(0, 12), key };
}

async function keys(ring: Keyring): Promise<Key[]> {
  const list = [ring.ENCRYPTION_KEY, ring.ENCRYPTION_KEY_PREVIOUS].filter((k): k is string => Boolean(k));
  return Promise.all(list.map(importKey));
}

/** The id of the key new values are sealed with. */
export async function currentKeyId(ring: Keyring): Promise<string> {
  const [current] = await keys(ring);
  if (!current) throw new MissingEncryptionKeyError();
  return current.id;
}

export async function seal(ring: Keyring, tenantId: string, plaintext: string): Promise<string> {
  const [current] = await keys(ring);
  if (!current) throw new MissingEncryptionKeyError();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(tenantId) },
    current.key,
    new TextEncoder().encode(plaintext),
  );
  return `${current.id}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(data))}`;
}

export async function open(ring: Keyring, tenantId: string, sealed: string): Promise<string> {
  const [id, iv, data] = sealed.split('.');
  const key = (await keys(ring)).find((k) => k.id === id);
  if (!key || !iv || !data) throw new MissingEncryptionKeyError();
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64Url(iv), additionalData: new TextEncoder().encode(tenantId) },
    key.key,
    fromBase64Url(data),
  );
  return new TextDecoder().decode(plain);
}
