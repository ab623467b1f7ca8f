import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, TEMPLATE_KINDS } from '../src';
import { en } from '../src/messages/en';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Source files of every surface that reads the catalogue (the catalogue itself excluded). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'test' || name === 'e2e' || name === 'messages') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const CONSUMERS = ['workers', 'packages/pdf/src', 'packages/core/src', 'web/src'].flatMap((d) =>
  sources(join(ROOT, d)),
);
const code = CONSUMERS.map((f) => readFileSync(f, 'utf8')).join('\n');

describe('message catalogue', () => {
  it('has the same keys in every language, down to nested records', () => {
    const shape = (v: unknown): unknown =>
      v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]))
        : typeof v;
    for (const lang of LANGUAGES) expect(shape(MESSAGES[lang])).toEqual(shape(en));
  });

  it('uses every key somewhere: no word is kept that nothing shows', () => {
    const unused: string[] = [];
    for (const ns of ['common', 'portal', 'document'] as const) {
      for (const key of Object.keys(en[ns])) {
        if (!new RegExp(`\\.${key}\\b`).test(code)) unused.push(`${ns}.${key}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('has a built-in email template for every kind, with a subject and a body in every language', () => {
    expect(Object.keys(en.email).sort()).toEqual([...TEMPLATE_KINDS].sort());
    for (const lang of LANGUAGES) {
      for (const kind of TEMPLATE_KINDS) {
        expect(MESSAGES[lang].email[kind].subject.length).toBeGreaterThan(0);
        expect(MESSAGES[lang].email[kind].body).toContain('{{');
      }
    }
  });

  it('settles the words portal and PDF share once (no drift)', () => {
    expect(MESSAGES.pt.common.statusName.partial).toBe('Paga parcialmente');
    expect(MESSAGES.en.common.amountDue).toBe('Amount due');
  });
});
