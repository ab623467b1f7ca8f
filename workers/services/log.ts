/**
 * One JSON object per line — `level`, `event`, `tenant`, `requestId`, then the event's own
 * fields — the shape Workers Logs and Logpush index, so a support question quoting a
 * request id finds every line of that request. Callers pass facts, never secrets, tokens
 * or bodies.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** The same logger with more fields on every line (e.g. the tenant once it is known). */
  with(fields: LogFields): Logger;
}

const WRITERS: Record<LogLevel, (line: string) => void> = {
  // Workers Logs keeps console levels: errors and warnings stay filterable as such.
  debug: (line) => console.debug(line),
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
  error: (line) => console.error(line),
};

/** `requestId` names the invocation (a fetch, a queue batch, an inbound email, a cron tick). */
export function createLogger(base: { requestId: string; tenant?: string | null } & LogFields): Logger {
  const write = (level: LogLevel, event: string, fields: LogFields = {}) => {
    const { requestId, tenant = null, ...rest } = base;
    WRITERS[level](JSON.stringify({ level, event, tenant, requestId, ...rest, ...fields }));
  };
  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    with: (fields) => createLogger({ ...base, ...fields }),
  };
}

/** An error's message for a log line: the stack when there is one, never the object. */
export function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
