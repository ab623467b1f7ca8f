import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

describe('OpenAPI document served by wrangler dev', () => {
  it('is valid OpenAPI 3.1', async () => {
    const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = await res.json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('unknown API paths answer problem+json, app paths fall back to the admin app', async () => {
    const api = await fetch(`${baseUrl}/api/nope`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    // Under /api/v1 credentials are checked first, so anonymous callers cannot map routes.
    const anonymous = await fetch(`${baseUrl}/api/v1/nope`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    const app = await fetch(`${baseUrl}/clients/some-id`, { headers: { 'sec-fetch-mode': 'navigate' } });
    expect(app.status).toBe(200);
    expect(await app.text()).toContain('<div id="root">');
  });
});
