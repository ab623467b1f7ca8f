import { PAYABLE_STATUSES, PORTAL_STATUS_ORDER } from '@clientele/core';
import { type SQL, sql } from 'drizzle-orm';
import { documents } from '../schema';

/** A status list as SQL literals, from the one status model (constants, never input). */
function statusList(statuses: readonly string[]): SQL {
  return sql.raw(statuses.map((s) => `'${s}'`).join(', '));
}

/** Issued and still owing: `status IN (…)` for raw SQL. */
export const PAYABLE_SQL = statusList(PAYABLE_STATUSES);

/** The portal's status order as a rank; `overdue` (derived) is passed in as a condition. */
export function portalStatusRank(overdue: SQL): SQL {
  const stored = PORTAL_STATUS_ORDER.filter((s) => s !== 'overdue');
  const whens = stored.map((s) => sql.raw(`WHEN '${s}' THEN ${PORTAL_STATUS_ORDER.indexOf(s)}`));
  return sql`CASE WHEN ${overdue} THEN ${sql.raw(String(PORTAL_STATUS_ORDER.indexOf('overdue')))} ELSE (CASE ${documents.status} ${sql.join(whens, sql` `)} ELSE ${sql.raw(String(PORTAL_STATUS_ORDER.length))} END) END`;
}
