import { DEMO_BUSINESS, DEMO_CLIENTS, DEMO_LOGIN } from './lib/demo-data';
import { connectFakeStripe } from './lib/demo-stripe';

/**
 * Seeds the demo business through the public API, so seeding exercises the same
 * validation as real use. Safe to run again: it signs in and adds only what is missing.
 */
export async function seedDemo(
  baseUrl: string,
  opts: { stripeUrl?: string } = {},
): Promise<{
  created: number;
  existing: number;
  invoices: number;
  portal: { url: string; client: string } | null;
}> {
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
  const cookie = /clientele_admin_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('demo sign-in returned no session cookie');
  // A cookie-authenticated write must say where it comes from (the API refuses cross-site ones).
  const headers = { cookie, origin: new URL(api).origin, 'content-type': 'application/json' };
  await confirmDemoAddress(api, headers);

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
  const history = await seedHistory(api, headers);
  if (opts.stripeUrl) await connectFakeStripe(baseUrl, opts.stripeUrl, headers);
  return { created, existing: existing.size, invoices: history, portal: await demoPortalLink(api, headers) };
}

/** A fresh magic link for a client with issued invoices, so the portal can be tried at once. */
async function demoPortalLink(
  api: string,
  headers: Headers,
): Promise<{ url: string; client: string } | null> {
  const list = (await (await fetch(`${api}/invoices?status=sent&limit=1`, { headers })).json()) as {
    data: { clientId: string; clientName?: string }[];
  };
  const invoice = list.data[0];
  if (!invoice) return null;
  const link = await post<{ url: string }>(api, headers, `/clients/${invoice.clientId}/portal-links`);
  return { url: link.url, client: invoice.clientName ?? invoice.clientId };
}

type Headers = Record<string, string>;

async function post<T = { id: string; total: number }>(
  api: string,
  headers: Headers,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`POST ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A realistic history for the demo: EUR, USD and JPY invoices across every status
 * (some overdue, some partly paid) and estimates accepted and rejected. Runs only
 * while the business has no invoices, so restarting never duplicates it.
 */
async function seedHistory(api: string, headers: Headers): Promise<number> {
  const existing = (await (await fetch(`${api}/invoices?limit=1`, { headers })).json()) as {
    data: unknown[];
  };
  if (existing.data.length > 0) return 0;
  const clients = (await (await fetch(`${api}/clients?limit=200`, { headers })).json()) as {
    data: { id: string; name: string; currency: string }[];
  };
  const pick = (currency: string) => clients.data.filter((c) => c.currency === currency);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  let count = 0;
  const plans: {
    currency: string;
    lines: unknown[];
    issued: number;
    terms: number;
    paid?: 'full' | 'part';
    send?: boolean;
  }[] = [
    {
      currency: 'EUR',
      lines: [{ description: 'Brand identity', quantity: 1, unitPrice: 240000, taxRate: 23 }],
      issued: -75,
      terms: 30,
      paid: 'full',
    },
    {
      currency: 'EUR',
      lines: [{ description: 'Website design — 12.5 h', quantity: 12.5, unitPrice: 8000, taxRate: 23 }],
      issued: -50,
      terms: 14,
    },
    {
      currency: 'EUR',
      lines: [
        { description: 'Hosting (annual)', quantity: 1, unitPrice: 18000, taxRate: 23 },
        { description: 'Domain', quantity: 2, unitPrice: 1500, taxRate: 23 },
      ],
      issued: -20,
      terms: 30,
      paid: 'part',
    },
    {
      currency: 'EUR',
      lines: [{ description: 'Photo session', quantity: 1, unitPrice: 65000, taxRate: 22 }],
      issued: -5,
      terms: 30,
    },
    {
      currency: 'EUR',
      lines: [{ description: 'Retainer — December', quantity: 1, unitPrice: 150000, taxRate: 23 }],
      issued: 0,
      terms: 30,
      send: false,
    },
    {
      currency: 'USD',
      lines: [{ description: 'UX audit', quantity: 1, unitPrice: 420000, taxRate: 0 }],
      issued: -60,
      terms: 30,
      paid: 'full',
    },
    {
      currency: 'USD',
      lines: [{ description: 'Prototype sprint — 36 h', quantity: 36, unitPrice: 12500, taxRate: 0 }],
      issued: -45,
      terms: 15,
      paid: 'part',
    },
    {
      currency: 'USD',
      lines: [{ description: 'Design system', quantity: 1, unitPrice: 980000, taxRate: 0 }],
      issued: -10,
      terms: 30,
    },
    {
      currency: 'JPY',
      lines: [{ description: 'ロゴデザイン', quantity: 1, unitPrice: 180000, taxRate: 10 }],
      issued: -90,
      terms: 30,
      paid: 'full',
    },
    {
      currency: 'JPY',
      lines: [{ description: '翻訳（英→日）', quantity: 4200, unitPrice: 12, taxRate: 10 }],
      issued: -40,
      terms: 30,
    },
    {
      currency: 'JPY',
      lines: [{ description: '撮影', quantity: 2, unitPrice: 55000, taxRate: 10 }],
      issued: -7,
      terms: 30,
      paid: 'part',
    },
  ];
  for (const [i, plan] of plans.entries()) {
    const candidates = pick(plan.currency);
    const client = candidates[i % Math.max(candidates.length, 1)] ?? clients.data[0];
    if (!client) break;
    const draft = await post(api, headers, '/invoices', {
      clientId: client.id,
      currency: plan.currency,
      issueDate: day(plan.issued),
      dueDate: day(plan.issued + plan.terms),
      lines: plan.lines,
    });
    count++;
    if (plan.send === false) continue;
    const sent = await post(api, headers, `/invoices/${draft.id}/send`);
    if (plan.paid) {
      const amount = plan.paid === 'full' ? sent.total : Math.round(sent.total / 3);
      await post(api, headers, `/invoices/${draft.id}/payments`, {
        amount,
        date: day(plan.issued + 10),
        method: 'bank transfer',
        reference: `TRX-${1000 + i}`,
      });
    }
  }
  const eur = pick('EUR');
  for (const [i, decision] of (['accept', 'reject', 'send'] as const).entries()) {
    const client = eur[i] ?? clients.data[0];
    if (!client) break;
    const est = await post(api, headers, '/estimates', {
      clientId: client.id,
      lines: [
        {
          description: ['Mobile app MVP', 'Print catalogue', 'Packaging redesign'][i],
          quantity: 1,
          unitPrice: [1200000, 350000, 420000][i],
          taxRate: 23,
        },
      ],
    });
    await post(api, headers, `/estimates/${est.id}/send`);
    if (decision !== 'send')
      await post(
        api,
        headers,
        `/estimates/${est.id}/${decision}`,
        decision === 'reject' ? { reason: 'Budget moved to next year' } : {},
      );
  }
  return count;
}

/**
 * Uses the confirmation link sign-up emailed (read from the dev outbox), as the owner would:
 * an unconfirmed business may send only 10 client emails a day, and the demo sends more.
 */
async function confirmDemoAddress(api: string, headers: Record<string, string>) {
  const me = await (await fetch(`${api}/sessions/current`, { headers })).json();
  if ((me as { user?: { emailVerified?: boolean } }).user?.emailVerified !== false) return;
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${api}/dev/outbox`, { headers });
    const { data } = (await res.json()) as { data: { raw: string }[] };
    for (const m of data) {
      // Quoted-printable may fold the link's line: unfold before looking for it.
      const text = m.raw.replace(/=\r?\n/g, '');
      const token = /\/verify-email\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
      if (token) {
        const ok = await fetch(`${api}/email-verifications/${token}`, { method: 'POST', headers });
        if (ok.status === 204) return;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the demo owner’s confirmation email never reached the dev outbox');
}
