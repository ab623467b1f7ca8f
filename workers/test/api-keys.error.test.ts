import { describe, expect, it } from 'vitest';
import { call, json, problemOf, signUp } from './helpers/api';

describe('API key scopes: refused input', () => {
  it.each([['admin'], ['READ'], [''], [null], [1], [['read']], [{ read: true }]])(
    'scope %j → 422 naming scope, no key made',
    async (scope) => {
      const owner = await signUp();
      const res = await call('/api-keys', { method: 'POST', body: { name: 'k', scope }, as: owner });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await problemOf(res)).errors).toEqual([expect.objectContaining({ path: 'scope' })]);
      expect((await json(await call('/api-keys', { as: owner }))).data).toEqual([]);
    },
  );

  it('a read key’s refusal is a 403 problem naming why, in the caller’s language', async () => {
    const owner = await signUp();
    const { key } = await json(
      await call('/api-keys', { method: 'POST', body: { name: 'r', scope: 'read' }, as: owner }),
    );
    const res = await call('/clients', {
      method: 'POST',
      body: { name: 'x' },
      headers: { authorization: `Bearer ${key}`, 'accept-language': 'pt-PT' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await problemOf(res);
    expect(problem.status).toBe(403);
    expect(problem.detail).toContain('só permite leitura');
  });
});
