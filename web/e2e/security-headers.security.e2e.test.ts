import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, signUpInBrowser } from './browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const DIST = join(import.meta.dirname, '..', 'dist');

const REQUIRED = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

function expectAppHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'self'");
  for (const [name, value] of Object.entries(REQUIRED)) expect(res.headers.get(name)).toBe(value);
  expect(res.headers.get('permissions-policy')).toContain('camera=()');
}

describe('admin app served by wrangler dev', () => {
  it('carries a CSP and the other security headers on the page, app routes and assets', async () => {
    const home = await fetch(`${baseUrl}/`);
    expect(home.status).toBe(200);
    expectAppHeaders(home);
    // A client-side route falls back to index.html and gets the same headers.
    expectAppHeaders(await fetch(`${baseUrl}/clients/new`));
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await home.text())?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${baseUrl}${script}`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expectAppHeaders(asset);
    // The headers file configures; it is never served.
    expect(await (await fetch(`${baseUrl}/_headers`)).text()).not.toContain('Content-Security-Policy');
  });

  it('publishes no source maps', async () => {
    const files = readdirSync(join(DIST, 'assets'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const script = files.find((f) => f.endsWith('.js'))!;
    const body = await (await fetch(`${baseUrl}/assets/${script}`)).text();
    expect(body).not.toContain('sourceMappingURL');
  });

  it('runs under its CSP in Chromium without a single violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await signUpInBrowser(page, baseUrl, 'Headers Studio', `e2e.csp.${Date.now()}@example.com`);
    await page.getByText('No clients yet').waitFor();
    await page.goto(`${baseUrl}/settings`);
    await page.locator('#tpl-subject').waitFor();
    expect(violations).toEqual([]);
  });

  it('API answers are never cached or sniffed', async () => {
    const res = await fetch(`${baseUrl}/api/v1/sessions/current`);
    expect(res.status).toBe(401);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
