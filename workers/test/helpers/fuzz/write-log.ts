import { env } from 'cloudflare:test';

/**
 * What a refused request may still write, and why it is not watched:
 * - `rate_limits`: a refused sign-in or portal request must count towards its limit;
 * - `idempotency_keys`: bookkeeping of the Idempotency-Key header, not business data;
 * - `dev_outbox`: written only by the email consumer (the dev transport) after a send was accepted;
 * - `sessions.expires_at`: sliding expiry of the admin session that sent the request;
 * - `api_keys.last_used_at`, `portal_links.last_used_at`: "last used" stamps of the credential;
 * - the delivery columns of `emails`: the queue consumer moves an accepted email from queued to
 *   sent in the background, whatever request happens to be running at that moment;
 * - the progress columns of `data_exports`: the queue consumer builds an accepted export step by
 *   step in the background in the same way (its row is written by `POST /exports` itself);
 * - `session.failed` lines of `audit_log`: a refused sign-in for a real person is recorded in each of
 *   their businesses by design (the owner sees attempts on an account).
 * Every other table and column is business data: a refused request leaves it as it was.
 */
const UNWATCHED_TABLES = new Set(['rate_limits', 'idempotency_keys', 'dev_outbox', 'd1_migrations']);
const UNWATCHED_COLUMNS: Record<string, Set<string>> = {
  sessions: new Set(['expires_at']),
  api_keys: new Set(['last_used_at']),
  portal_links: new Set(['last_used_at']),
  emails: new Set(['status', 'subject', 'provider_id', 'error', 'attempts', 'updated_at', 'sent_at']),
  data_exports: new Set([
    'status',
    'progress',
    'step',
    'steps',
    'file_key',
    'bytes',
    'error',
    'finished_at',
    'expires_at',
  ]),
};

/** Inserts a refused request may make, as a trigger condition on the new row. */
const UNWATCHED_INSERTS: Record<string, string> = { audit_log: "NEW.action = 'session.failed'" };

const LOG = 'fuzz_write_log';

/**
 * Puts SQLite triggers on every watched table of this test file's D1, so each insert, delete
 * or change of a watched column appends a line to one log table. Reading the log's last
 * sequence number is one cheap query per request, however large the database grows; reading
 * every table before and after each of 10 000 requests would not fit the time budget.
 */
export async function watchWrites(): Promise<void> {
  await env.DB.prepare(
    `CREATE TABLE IF NOT EXISTS ${LOG} (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, op TEXT NOT NULL, row TEXT)`,
  ).run();
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY name",
  ).all<{ name: string }>();
  const statements: D1PreparedStatement[] = [];
  for (const { name } of tables.results) {
    if (UNWATCHED_TABLES.has(name) || name === LOG) continue;
    const columns = (
      await env.DB.prepare(`SELECT name FROM pragma_table_info('${name}')`).all<{ name: string }>()
    ).results.map((c) => c.name);
    const key = columns[0]!;
    const watched = columns.filter((c) => !UNWATCHED_COLUMNS[name]?.has(c));
    const log = (op: string, row: 'NEW' | 'OLD') =>
      `INSERT INTO ${LOG} (tbl, op, row) VALUES ('${name}', '${op}', quote(${row}."${key}"))`;
    statements.push(
      env.DB.prepare(
        `CREATE TRIGGER fuzz_${name}_insert AFTER INSERT ON "${name}"${
          UNWATCHED_INSERTS[name] ? ` WHEN NOT (${UNWATCHED_INSERTS[name]})` : ''
        } BEGIN ${log('insert', 'NEW')}; END`,
      ),
      env.DB.prepare(
        `CREATE TRIGGER fuzz_${name}_delete AFTER DELETE ON "${name}" BEGIN ${log('delete', 'OLD')}; END`,
      ),
      env.DB.prepare(
        `CREATE TRIGGER fuzz_${name}_update AFTER UPDATE ON "${name}" WHEN ${watched
          .map((c) => `OLD."${c}" IS NOT NEW."${c}"`)
          .join(' OR ')} BEGIN ${log('update', 'NEW')}; END`,
      ),
    );
  }
  await env.DB.batch(statements);
}

/** The sequence number of the last watched write. */
export async function lastWrite(): Promise<number> {
  const row = await env.DB.prepare(`SELECT ifnull(max(seq), 0) AS n FROM ${LOG}`).first<{ n: number }>();
  return row?.n ?? 0;
}

/** The watched writes after `seq`, as `table op key` lines. */
export async function writesSince(seq: number): Promise<string[]> {
  const rows = await env.DB.prepare(`SELECT tbl, op, row FROM ${LOG} WHERE seq > ? ORDER BY seq LIMIT 20`)
    .bind(seq)
    .all<{ tbl: string; op: string; row: string }>();
  return rows.results.map((r) => `${r.tbl} ${r.op} ${r.row}`);
}

/**
 * Emails the queue consumer has not tried yet (it writes in the background). One it tried and
 * failed waits 30 s for its retry: the run does not wait for that.
 */
export async function queuedEmails(): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM emails WHERE status = 'queued' AND attempts = 0",
  ).first<{
    n: number;
  }>();
  return row?.n ?? 0;
}

/** Exports the queue is still building: their last step queues the "ready" email. */
export async function exportsBuilding(): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM data_exports WHERE status IN ('queued', 'running')",
  ).first<{ n: number }>();
  return row?.n ?? 0;
}
