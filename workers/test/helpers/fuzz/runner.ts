import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../../index';
import { ORIGIN } from '../api';
import { lacksRequestId } from '../response-schemas';
import { signature } from '../stripe';
import type { FuzzRequest } from './requests';
import { exportsBuilding, lastWrite, queuedEmails, writesSince } from './write-log';

export interface Finding {
  kind: '5xx' | 'not problem+json' | 'problem without requestId' | 'refused but wrote' | 'threw';
  operation: string;
  method: string;
  status: number;
  detail: string;
  request: string;
}

export interface Credentials {
  apiKey: Record<string, string>;
  cookie: Record<string, string>;
  portal: string;
  webhookSecret: string;
}

/** Counts and findings of one run, printed at the end and asserted on. */
export class FuzzStats {
  requests = 0;
  refused = 0;
  byStatus = new Map<number, number>();
  operations = new Set<string>();
  /** Milliseconds spent per operation, to see where the time budget goes. */
  time = new Map<string, number>();

  slowest(n = 8): string {
    return [...this.time.entries()]
      .sort(([, a], [, b]) => b - a)
      .slice(0, n)
      .map(([op, ms]) => `${op} ${(ms / 1000).toFixed(1)} s`)
      .join(', ');
  }
  findings: Finding[] = [];

  get serverErrors() {
    return this.findings.filter((f) => f.kind === '5xx' || f.kind === 'threw').length;
  }

  histogram(): string {
    return [...this.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
  }

  /** Findings grouped by kind, operation and status, with the first request of each group in full. */
  report(limit = 25): string {
    const groups = new Map<string, Finding[]>();
    for (const f of this.findings) {
      const key = `${f.kind} ${f.status} ${f.method} ${f.operation}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const lines = [...groups.entries()].slice(0, limit).map(([key, fs]) => {
      const first = fs[0]!;
      return `● ${key} (${fs.length}×): ${first.detail}\n${first.request}`;
    });
    return `${this.findings.length} findings in ${groups.size} groups\n\n${lines.join('\n\n')}`;
  }
}

const printable = (body: FuzzRequest['body']): string => {
  if (body === undefined) return '';
  if (typeof body === 'string')
    return body.length > 2000 ? `${body.slice(0, 2000)}… (${body.length} characters)` : body;
  const hex = [...body.slice(0, 600)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `<${body.length} bytes, hex> ${hex}${body.length > 600 ? ' …' : ''}`;
};

/** The request as it went on the wire, credentials included: enough to replay it with curl. */
export function describe(method: string, url: string, headers: Headers, body: FuzzRequest['body']): string {
  const lines = [`  ${method} ${url}`];
  for (const [k, v] of headers) lines.push(`  ${k}: ${v}`);
  const shown = printable(body);
  if (shown) lines.push('', `  ${shown}`);
  return lines.join('\n');
}

/**
 * Sends fuzzed requests one after another and checks each: never a 5xx, a problem+json body
 * for every API and webhook refusal, and no watched write for any refused request.
 */
export class FuzzRunner {
  stats = new FuzzStats();
  private seq = 0;
  /** Emails the consumer left queued (what they were about is gone): not waited for. */
  private stuck = 0;
  /** Exports that never finish (their step failed for good): not waited for again. */
  private stuckExports = 0;

  constructor(private readonly creds: Credentials) {}

  async start() {
    await this.settle();
  }

  private async headersFor(req: FuzzRequest): Promise<Headers> {
    const headers = new Headers();
    if (req.as === 'apiKey') for (const [k, v] of Object.entries(this.creds.apiKey)) headers.set(k, v);
    if (req.as === 'cookie') {
      for (const [k, v] of Object.entries(this.creds.cookie)) headers.set(k, v);
      // The admin app's writes carry its Origin; the fuzzed headers below may still replace it.
      headers.set('origin', ORIGIN);
    }
    if (req.as === 'portal') headers.set('cookie', this.creds.portal);
    for (const [k, v] of Object.entries(req.headers)) headers.set(k, v);
    if (req.sign) {
      const payload =
        typeof req.body === 'string' ? req.body : new TextDecoder().decode(req.body ?? new Uint8Array());
      const now = Math.floor(Date.now() / 1000);
      const header =
        req.sign === 'garbage'
          ? 't=abc,v1=zz'
          : await signature(
              payload,
              req.sign === 'wrongSecret' ? 'whsec_wrong' : this.creds.webhookSecret,
              req.sign === 'stale' ? now - 3600 : req.sign === 'future' ? now + 365 * 86400 : undefined,
            );
      headers.set('stripe-signature', header);
    }
    return headers;
  }

  async send(req: FuzzRequest): Promise<void> {
    const t = Date.now();
    try {
      await this.check(req);
    } finally {
      this.stats.time.set(req.operation, (this.stats.time.get(req.operation) ?? 0) + Date.now() - t);
    }
  }

  private async check(req: FuzzRequest): Promise<void> {
    const url = `${ORIGIN}${req.path}`;
    const headers = await this.headersFor(req);
    const request = new Request(url, { method: req.method, headers, body: req.body, redirect: 'manual' });
    const shown = () => describe(request.method, request.url, headers, req.body);
    this.stats.requests++;
    this.stats.operations.add(req.operation);
    let res: Response;
    let body = '';
    try {
      // The Worker's own fetch handler, not SELF.fetch: the pool wraps its entrypoint's prototype
      // in one more Proxy on every SELF call, and after a few thousand calls in one file every
      // request fails with "Maximum call stack size exceeded". Same app, bindings and D1; and
      // waiting on the execution context means work done after the answer counts as this request's.
      // A Request built here drops Transfer-Encoding; SELF.fetch goes over the wire and keeps it,
      // so the (few) requests that carry it take that way.
      if (headers.has('transfer-encoding')) {
        res = await SELF.fetch(request);
        body = await res.text();
      } else {
        const ctx = createExecutionContext();
        res = await worker.fetch(request as Request<unknown, IncomingRequestCfProperties>, env, ctx);
        body = await res.text();
        await waitOnExecutionContext(ctx);
      }
    } catch (err) {
      this.stats.findings.push({
        kind: 'threw',
        operation: req.operation,
        method: req.method,
        status: 0,
        detail: String(err),
        request: shown(),
      });
      this.seq = await lastWrite();
      return;
    }
    const status = res.status;
    this.stats.byStatus.set(status, (this.stats.byStatus.get(status) ?? 0) + 1);
    if (status >= 500) {
      this.stats.findings.push({
        kind: '5xx',
        operation: req.operation,
        method: req.method,
        status,
        detail: `answered ${status}`,
        request: shown(),
      });
    }
    if (status < 400) {
      await this.settle();
      return;
    }
    this.stats.refused++;
    const type = res.headers.get('content-type') ?? '';
    if (req.problemJson && !type.startsWith('application/problem+json')) {
      this.stats.findings.push({
        kind: 'not problem+json',
        operation: req.operation,
        method: req.method,
        status,
        detail: `content-type ${JSON.stringify(type)}`,
        request: shown(),
      });
    }
    // A HEAD answer carries a GET's headers and no body to read an id from.
    if (req.method !== 'HEAD' && lacksRequestId(type, body)) {
      this.stats.findings.push({
        kind: 'problem without requestId',
        operation: req.operation,
        method: req.method,
        status,
        detail: 'no requestId in the problem body',
        request: shown(),
      });
    }
    const now = await lastWrite();
    if (now !== this.seq) {
      const writes = await writesSince(this.seq);
      this.stats.findings.push({
        kind: 'refused but wrote',
        operation: req.operation,
        method: req.method,
        status,
        detail: writes.join('; '),
        request: shown(),
      });
      this.seq = now;
    }
  }

  /**
   * After an accepted request, waits for the email it may have queued to be sent: the queue
   * consumer writes in the background (and may mint a sign-in link), and that must not be
   * blamed on the next, refused, request.
   */
  private async settle() {
    // An accepted export is built step by step on the queue and ends by queuing its email.
    const building = Date.now() + 10_000;
    while ((await exportsBuilding()) > this.stuckExports && Date.now() < building) {
      await new Promise((r) => setTimeout(r, 50));
    }
    this.stuckExports = await exportsBuilding();
    // The consumer takes a batch at most a second after the first message arrives.
    const deadline = Date.now() + 2000;
    let queued = await queuedEmails();
    while (queued > this.stuck && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      queued = await queuedEmails();
    }
    // An email whose subject vanished stays queued for good; do not wait for it again.
    this.stuck = queued;
    this.seq = await lastWrite();
  }
}
