import type { Caller } from './api';
import { call, json } from './api';

export interface AuditLineBody {
  id: string;
  at: string;
  actor: { type: string; id: string | null; name: string | null };
  action: string;
  subject: { type: string; id: string | null };
  ip: string | null;
  detail: Record<string, string | number | boolean | null> | null;
}

/** The business's audit log as its owner reads it (one page; `query` without the `?`). */
export async function auditLines(owner: Caller, query = ''): Promise<AuditLineBody[]> {
  const res = await call(`/audit-log?limit=200${query ? `&${query}` : ''}`, { as: owner });
  if (res.status !== 200) throw new Error(`audit log: ${res.status} ${await res.text()}`);
  return (await json<{ data: AuditLineBody[] }>(res)).data;
}

/** The lines about one thing, with one action. */
export async function linesFor(owner: Caller, subjectId: string, action?: string) {
  const lines = await auditLines(owner, `subjectId=${subjectId}`);
  return action ? lines.filter((l) => l.action === action) : lines;
}

/** The statements an answer ran, from its `server-timing` header. */
export const queriesOf = (res: Response) =>
  Number(/queries=(\d+)/.exec(res.headers.get('server-timing') ?? '')?.[1]);
