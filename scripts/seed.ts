import { DEMO_BUSINESS, DEMO_CLIENTS, DEMO_LOGIN } from './lib/demo-data';

/**
 * Seeds the demo business through the public API, so seeding exercises the same
 * validation as real use. Safe to run again: it signs in and adds only what is missing.
 */
export async function seedDemo(baseUrl: string): Promise<{ created: number; existing: number }> {
  const api = `${baseUrl}/api/v1`;
  let res = await fetch(`${api}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_LOGIN),
  });
  if (res.status === 401) {
    res = await fetch(`${api}/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...DEMO_BUSINESS, ...DEMO_LOGIN }),
    });
  }
  if (res.status !== 201) throw new Error(`demo sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = /clientele_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('demo sign-in returned no session cookie');
  const headers = { cookie, 'content-type': 'application/json' };

  await fetch(`${api}/settings`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({
      address: { street: 'Rua Augusta, 100', city: 'Lisboa', postalCode: '1100-053', country: 'PT' },
      taxId: 'PT500100200',
      email: 'billing@northwind.studio',
    }),
  });

  const existing = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = (await (
      await fetch(`${api}/clients?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { headers })
    ).json()) as { data: { name: string }[]; nextCursor: string | null };
    for (const c of page.data) existing.add(c.name);
    cursor = page.nextCursor;
  } while (cursor);

  let created = 0;
  for (const client of DEMO_CLIENTS) {
    if (existing.has(client.name)) continue;
    const r = await fetch(`${api}/clients`, { method: 'POST', headers, body: JSON.stringify(client) });
    if (r.status !== 201) throw new Error(`seeding ${client.name} failed: ${r.status} ${await r.text()}`);
    created++;
  }
  return { created, existing: existing.size };
}
