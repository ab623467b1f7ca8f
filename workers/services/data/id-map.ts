import { type IdPrefix, newId } from '@clientele/db';
import { type Refusal, ValidationError } from '../errors';

/** An archive that cannot be loaded: 422 naming the file and field. */
export const refuse = (path: string, message: Refusal, detail: Refusal = 'invalidFields'): never => {
  throw new ValidationError([{ path, message }], detail);
};

const ID = /^([a-z]{3})_[0-9a-z]{24}$/;
const PREFIXES = new Set<string>([
  'cli',
  'inv',
  'est',
  'pay',
  'tkt',
  'msg',
  'eml',
  'att',
  'aud',
  'crn',
  'crd',
  'rec',
]);

/**
 * New ids for the archive's ids. Ids are global keys, so nothing keeps its old one; within
 * each prefix the new ids are handed out in the old ids' order, so every list that breaks
 * ties by id reads in the same order as in the business the archive came from.
 */
export class IdMap {
  private readonly map = new Map<string, string>();

  constructor(ids: { id: string; path: string }[]) {
    const byPrefix = new Map<string, string[]>();
    for (const { id, path } of ids) {
      const prefix = ID.exec(id)?.[1];
      if (!prefix || !PREFIXES.has(prefix)) refuse(path, 'notValidHere');
      if (this.map.has(id)) refuse(path, 'notValidHere');
      this.map.set(id, '');
      byPrefix.set(prefix!, [...(byPrefix.get(prefix!) ?? []), id]);
    }
    for (const [prefix, old] of byPrefix) {
      const fresh = old.map(() => newId(prefix as IdPrefix)).sort();
      for (const [i, id] of old.sort().entries()) this.map.set(id, fresh[i]!);
    }
  }

  /** The new id of a row the archive holds, or a 422 naming the field that points elsewhere. */
  to(old: string, path: string): string {
    const id = this.map.get(old);
    if (!id) return refuse(path, 'notInArchive');
    return id;
  }

  maybe(old: unknown, path: string): string | null {
    return typeof old === 'string' ? this.to(old, path) : null;
  }

  /** Ids inside text (an email's idempotency key, an audit line's facts) follow their rows. */
  inText(value: unknown): unknown {
    if (typeof value !== 'string') return value;
    return value.replace(/\b[a-z]{3}_[0-9a-z]{24}\b(?!@)/g, (id) => this.map.get(id) || id);
  }

  /** Audit lines may name things that no longer exist: those keep their id. */
  ifKnown(old: unknown): unknown {
    return typeof old === 'string' ? (this.map.get(old) ?? old) : old;
  }
}
