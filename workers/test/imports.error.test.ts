import { env } from 'cloudflare:test';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type Caller, call, createClient, issuedInvoice, json, problemOf, signUp } from './helpers/api';
import { exportNow } from './helpers/exports';
import { openTicketInPortal, supportClient, ticketIdFrom } from './helpers/tickets';

const importZip = (as: Caller, bytes: Uint8Array | string, type = 'application/zip') =>
  call('/imports', { method: 'POST', body: bytes, headers: { 'content-type': type }, as });

/** Rows and files of a business after an import attempt: nothing, when it was refused. */
async function footprint(tenantId: string) {
  const rows = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM clients WHERE tenant_id = ?1) + (SELECT count(*) FROM documents WHERE tenant_id = ?1)
      + (SELECT count(*) FROM payments WHERE tenant_id = ?1) + (SELECT count(*) FROM tickets WHERE tenant_id = ?1)
      + (SELECT count(*) FROM ticket_messages WHERE tenant_id = ?1) + (SELECT count(*) FROM email_templates WHERE tenant_id = ?1) AS n`,
  )
    .bind(tenantId)
    .first<{ n: number }>();
  const files =
    (await env.FILES.list({ prefix: `tickets/${tenantId}/` })).objects.length +
    (await env.FILES.list({ prefix: `pdf/${tenantId}/` })).objects.length +
    (await env.FILES.list({ prefix: `logos/${tenantId}/` })).objects.length;
  return { rows: rows!.n, files };
}

let archive: Record<string, Uint8Array>;

async function source() {
  if (archive) return archive;
  const owner = await signUp();
  await issuedInvoice(owner);
  const { cookie } = await supportClient(owner);
  await ticketIdFrom(
    await openTicketInPortal(cookie, { subject: 'Q', message: 'Hi' }, [
      new File(['x'], 'a.txt', { type: 'text/plain' }),
    ]),
  );
  archive = (await exportNow(owner)).files;
  return archive;
}

const edited = (files: Record<string, Uint8Array>, name: string, edit: (value: any) => unknown) => {
  const copy = { ...files };
  copy[name] = strToU8(JSON.stringify(edit(JSON.parse(new TextDecoder().decode(files[name])))));
  return zipSync(copy);
};

describe('imports refused', () => {
  it('into a business that already has clients → 409, nothing written', { timeout: 60_000 }, async () => {
    const files = await source();
    const target = await signUp();
    await createClient(target, { name: 'Already here' });
    const res = await importZip(target, zipSync(files));
    expect(res.status).toBe(409);
    expect((await problemOf(res)).detail).toMatch(/empty/);
    expect((await footprint(target.tenantId)).rows).toBe(1);
  });

  it('bad archives → 422 naming the file and field; nothing written, no file left in R2', {
    timeout: 60_000,
  }, async () => {
    const files = await source();
    const target = await signUp();
    const cases: [Uint8Array | string, string][] = [
      ['not a zip at all', 'archive'],
      [zipSync({ 'hello.txt': strToU8('hi') }), 'manifest.json'],
      [edited(files, 'manifest.json', (m) => ({ ...m, version: 99 })), 'manifest.json.version'],
      [
        edited(files, 'documents.json', (d) => [{ ...d[0], total: 'lots' }, ...d.slice(1)]),
        'documents.json[0].total',
      ],
      [
        edited(files, 'tickets.json', (t) => [{ ...t[0], clientId: 'cli_0123456789abcdefghjkmnpq' }]),
        'tickets.json[0].clientId',
      ],
      [edited(files, 'clients.json', () => ({ not: 'a list' })), 'clients.json'],
      // A version-2 archive carries the billing files: one without them is incomplete.
      [
        zipSync(Object.fromEntries(Object.entries(files).filter(([n]) => n !== 'credit-notes.json'))),
        'credit-notes.json',
      ],
      [
        edited(files, 'recurring-invoices.json', () => [{ id: 'rec_0123456789abcdefghjkmnpq', runs: [] }]),
        'recurring-invoices.json[0].clientId',
      ],
    ];
    for (const [body, path] of cases) {
      const res = await importZip(target, body);
      expect(res.status, `${path}: ${await res.clone().text()}`).toBe(422);
      const problem = await problemOf(res);
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
    expect(await footprint(target.tenantId)).toEqual({ rows: 0, files: 0 });
  });

  it('an attachment named in tickets.json but missing from the archive → 422, and no file is stored', {
    timeout: 60_000,
  }, async () => {
    const files = await source();
    const target = await signUp();
    const copy = Object.fromEntries(Object.entries(files).filter(([n]) => !n.startsWith('attachments/')));
    const res = await importZip(target, zipSync(copy));
    expect(res.status).toBe(422);
    expect((await problemOf(res)).errors[0]!.path).toMatch(
      /^tickets\.json\[0\]\.messages\[0\]\.attachments\[0\]/,
    );
    expect(await footprint(target.tenantId)).toEqual({ rows: 0, files: 0 });
  });

  it('a body that is not a ZIP type → 415; over the limit → 413', async () => {
    const target = await signUp();
    const res = await importZip(target, JSON.stringify({}), 'application/json');
    expect(res.status).toBe(415);
    const big = await call('/imports', {
      method: 'POST',
      body: new Uint8Array(64 * 1024 * 1024 + 1),
      headers: { 'content-type': 'application/zip' },
      as: target,
    });
    expect(big.status).toBe(413);
    expect((await json(big)).status).toBe(413);
  });
});
