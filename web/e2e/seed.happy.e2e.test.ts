import { describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../scripts/seed';

const baseUrl = inject('baseUrl');

describe('demo seed (npm start)', () => {
  it('creates the demo business with history once, adds nothing when run again, and gives a portal link', async () => {
    const first = await seedDemo(baseUrl);
    expect(first.created).toBe(25);
    expect(first.invoices).toBeGreaterThanOrEqual(10);
    const again = await seedDemo(baseUrl);
    expect(again).toMatchObject({ created: 0, existing: 25, invoices: 0 });
    // The printed portal link works: its confirmation page names the business.
    expect(again.portal?.url).toMatch(/\/portal\/login\/[A-Za-z0-9_-]{43}$/);
    const page = await fetch(again.portal!.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Northwind Studio');
  });
});
