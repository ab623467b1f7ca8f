import { ROLES } from '@clientele/db';
import { beforeAll, expect, it } from 'vitest';
import type { Operation } from './helpers/route-security';
import { PARTS, servedOperations } from './helpers/route-security-suite';
import { needsOf, TABLE } from './helpers/route-security-table';

/**
 * The checks every authenticated operation of the API must pass, driven by the served OpenAPI
 * document: a route added without a row in `TABLE` (helpers/route-security-table.ts) fails
 * here, so no route can skip them. The checks themselves run in `route-checks-<n>`, a part of
 * the operations each, with real data: ids seeded for its path, a body it accepts.
 */

let operations: Operation[];
beforeAll(async () => {
  operations = await servedOperations();
});

it('a route-checks file exists for every part, so no part of the operations goes unchecked', () => {
  // Vite lists the files at transform time; the Worker's types do not declare its glob.
  // @ts-expect-error import.meta.glob is Vite's
  const files = Object.keys(import.meta.glob('./route-checks-*.security.test.ts')).sort();
  const expected = Array.from({ length: PARTS }, (_, i) => `./route-checks-${i + 1}.security.test.ts`).sort();
  expect(files).toEqual(expected);
});

it('every operation in the OpenAPI document has a row here, and every row an operation', () => {
  expect(operations.length).toBeGreaterThan(0);
  const documented = operations.map((op) => op.key);
  expect(
    documented.filter((key) => !(key in TABLE)),
    'operations without a row in TABLE',
  ).toEqual([]);
  expect(
    Object.keys(TABLE).filter((key) => !documented.includes(key)),
    'rows for no operation',
  ).toEqual([]);
});

it("every operation's x-permission is what its row says it needs", () => {
  const mismatched = operations
    .filter((op) => op.key in TABLE && op.permission !== needsOf(op.key))
    .map((op) => `${op.key}: document ${op.permission}, row ${needsOf(op.key)}`);
  expect(mismatched).toEqual([]);
});

it('the matrix covers every operation for every role', () => {
  const covered = operations.filter((o) => o.key in TABLE).length;
  // Printed for the record: operations × roles checked.
  console.info(
    `role matrix: ${covered} operations × ${ROLES.length} roles = ${covered * ROLES.length} checks`,
  );
  expect(covered).toBe(Object.keys(TABLE).length);
});
