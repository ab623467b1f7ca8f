import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll } from 'vitest';

export const OUTPUT = join(import.meta.dirname, '..', '..', 'test-output');
mkdirSync(OUTPUT, { recursive: true });

/** Headless, sandbox-free (root in CI) and silent: the machine has no outside network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Debian's Chromium: the machine cannot download Playwright's own browser builds. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
}

/** One Chromium for the test file calling this: launched before its tests, closed after. */
export function browserForFile() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    newPage: (options?: BrowserContextOptions) => {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser.newPage(options);
    },
  };
}

/** Signs a new business up through the real form and waits for the clients page. */
export async function signUpInBrowser(page: Page, baseUrl: string, businessName: string, email: string) {
  await page.goto(`${baseUrl}/signup`);
  await page.getByLabel('Business name').fill(businessName);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Clients' }).waitFor();
}

interface AxeResults {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical findings on the page, as "rule: target" lines. Injected
 * through the DevTools protocol, so the page's own CSP (script-src 'self') is untouched.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    // Runs in the page; typed without DOM globals so Node-side projects that import this file compile.
    const { axe } = globalThis as unknown as { axe: { run: (o: object) => Promise<AxeResults> } };
    const r = await axe.run({ resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return results
    .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: { id: string; targets: string[] }) => `${v.id}: ${v.targets.join(' | ')}`);
}

type ParsedMail = Awaited<ReturnType<typeof PostalMime.parse>>;

/** The first dev-outbox mail to `to` that passes `test`, waiting up to 15 s for the queue. */
export async function mailTo(page: Page, baseUrl: string, to: string, test: (m: ParsedMail) => boolean) {
  for (let i = 0; i < 150; i++) {
    const outbox = await (await page.request.get(`${baseUrl}/api/v1/dev/outbox`)).json();
    for (const m of outbox.data.filter((x: { to: string }) => x.to === to)) {
      const parsed = await PostalMime.parse(m.raw);
      if (test(parsed)) return parsed;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no matching mail to ${to} in the dev outbox`);
}

/**
 * POSTs to the API as the signed-in page does (its cookie, our Origin) and returns the
 * JSON; a refused call fails the test with its status and problem, where it happened.
 */
export function apiPost(page: Page, baseUrl: string) {
  return async (path: string, data: unknown = {}): Promise<any> => {
    const res = await page.request.post(`${baseUrl}/api/v1${path}`, { headers: { origin: baseUrl }, data });
    if (!res.ok()) throw new Error(`POST ${path} → ${res.status()}: ${await res.text()}`);
    return res.json();
  };
}

/**
 * A client with a one-line EUR invoice, sent, and that client signed in to the portal on
 * `portal` through a portal link, on the invoice's page. `post` goes on acting as the business.
 */
export async function sentInvoiceInPortal(
  admin: Page,
  portal: Page,
  baseUrl: string,
  client: { name: string; email: string; language: string },
  line: { description: string; unitPrice: number; taxRate: number },
) {
  const post = apiPost(admin, baseUrl);
  const created = await post('/clients', client);
  const draft = await post('/invoices', {
    clientId: created.id,
    currency: 'EUR',
    lines: [{ quantity: 1, ...line }],
  });
  const invoice = await post(`/invoices/${draft.id}/send`, {});
  const link = await post(`/clients/${created.id}/portal-links`, {});
  await portal.goto(link.url);
  // The sign-in page speaks the client's language.
  await portal.getByRole('button', { name: /Continue to your invoices|Vai alle tue fatture/ }).click();
  await portal.goto(`${baseUrl}/portal/invoices/${invoice.id}`);
  return { post, client: created, invoice };
}
