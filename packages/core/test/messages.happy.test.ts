import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, TEMPLATE_KINDS } from '../src';
import { ADMIN_WORDS } from '../src/admin-words';
import { adminEn } from '../src/messages/admin/en';
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
const webCode = sources(join(ROOT, 'web/src'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

const shape = (v: unknown): unknown =>
  v && typeof v === 'object'
    ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]))
    : typeof v === 'function'
      ? `function/${v.length}`
      : typeof v;

/** Every string a catalogue holds, by dotted path (functions called with sample arguments). */
function leaves(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (typeof v === 'function') {
    const samples = [[1], [2], [5], [21], [true], [false], [null], ['X', true], ['X', false]];
    return samples.flatMap((args, i) => {
      const out = v(...args);
      return typeof out === 'string' ? [[`${path}(${i})`, out] as [string, string]] : [];
    });
  }
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return [];
}

describe('message catalogue', () => {
  it('has the same keys in every language, down to nested records', () => {
    for (const lang of LANGUAGES) expect(shape(MESSAGES[lang])).toEqual(shape(en));
  });

  it('uses every key somewhere: no word is kept that nothing shows', () => {
    const unused: string[] = [];
    for (const ns of ['common', 'portal', 'document', 'problem'] as const) {
      for (const key of Object.keys(en[ns])) {
        // Refusals name their words by key (`new ConflictError('invoiceVoid')`, `say('moreThanDue', …)`).
        const byKey = ns === 'problem' && new RegExp(`'${key}'`).test(code);
        if (!byKey && !new RegExp(`\\.${key}\\b`).test(code)) unused.push(`${ns}.${key}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('words every refusal in each language: none repeats the English text', () => {
    const english = new Map(leaves(en.problem));
    for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
      const same = leaves(MESSAGES[lang].problem)
        .filter(([path, text]) => english.get(path) === text)
        .map(([path]) => path);
      expect(same, lang).toEqual([]);
    }
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

  describe('admin app', () => {
    it('has the same keys in every language, and functions take the same arguments', () => {
      for (const lang of LANGUAGES) expect(shape(ADMIN_WORDS[lang])).toEqual(shape(adminEn));
    });

    it('uses every key in the app: each section.key is read, or its record indexed', () => {
      const unused: string[] = [];
      for (const [section, words] of Object.entries(adminEn)) {
        if (!new RegExp(`\\.${section}\\b`).test(webCode)) unused.push(section);
        for (const key of Object.keys(words)) {
          const read = new RegExp(`\\.${section}\\.${key}\\b`).test(webCode);
          const indexed = new RegExp(`\\.${section}\\[`).test(webCode);
          if (!read && !indexed) unused.push(`${section}.${key}`);
        }
      }
      expect(unused).toEqual([]);
    });

    it('is translated: no language repeats the English text except names and codes', () => {
      // Brand and format names are the same in every language, as are empty strings.
      const SAME =
        /^(|PDF|Email|Emails|Password|Logo|Stripe.*|Total|Subtotal|Status|Cliente|Clientes|.*\{YYYY\}.*|\(\w+ KB\)|cheque|incl\.|\d+–\d+ .*)$/;
      const english = new Map(leaves(adminEn));
      for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
        const same = leaves(ADMIN_WORDS[lang])
          .filter(([path, text]) => english.get(path) === text && !SAME.test(text))
          .map(([path]) => path);
        expect(same, lang).toEqual([]);
      }
    });

    it('counts in each language’s plural forms', () => {
      expect(ADMIN_WORDS.ru.portalAccess.devices(1)).toBe('1 устройство');
      expect(ADMIN_WORDS.ru.portalAccess.devices(3)).toBe('3 устройства');
      expect(ADMIN_WORDS.ru.portalAccess.devices(11)).toBe('11 устройств');
      expect(ADMIN_WORDS.ru.portalAccess.devices(21)).toBe('21 устройство');
      expect(ADMIN_WORDS.en.dashboard.ticketsAwait(1)).toBe('1 ticket awaits you');
      expect(ADMIN_WORDS.ja.dashboard.ticketsAwait(2)).toBe('返信待ちの問い合わせ 2 件');
    });
  });
});
