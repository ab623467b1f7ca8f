import { describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../../scripts/seed';

const baseUrl = inject('baseUrl');

describe('demo seed (npm start)', () => {
  it('creates the demo business with history once, and adds nothing when run again', async () => {
    const first = await seedDemo(baseUrl);
    expect(first.created).toBe(25);
    expect(first.invoices).toBeGreaterThanOrEqual(10);
    const again = await seedDemo(baseUrl);
    expect(again).toEqual({ created: 0, existing: 25, invoices: 0 });
  });
});
