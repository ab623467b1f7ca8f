import { describe, expect, it } from 'vitest';
import { call, json } from './helpers/api';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
}
interface OpenApiDocument {
  info: { license?: { name: string } };
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Every operation of the document the Worker serves, as `METHOD /path`. */
async function servedOperations() {
  const doc = await json<OpenApiDocument>(await call('/openapi.json'));
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
  );
  return { doc, operations };
}

describe('the served OpenAPI document', () => {
  it('names every operation with an operationId of its own (generated clients call them by it)', async () => {
    const { operations } = await servedOperations();
    expect(operations.length).toBeGreaterThan(60);
    expect(operations.filter(({ op }) => !op.operationId).map(({ route }) => route)).toEqual([]);
    const routesById = new Map<string, string[]>();
    for (const { route, op } of operations) {
      const id = op.operationId ?? '';
      routesById.set(id, [...(routesById.get(id) ?? []), route]);
    }
    expect([...routesById].filter(([, routes]) => routes.length > 1)).toEqual([]);
    for (const id of routesById.keys()) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('says which operations need no credentials (sign-up, sign-in, password reset, an emailed link) and which take a session or an API key', async () => {
    const { operations } = await servedOperations();
    const open = operations.filter(({ op }) => op.security?.length === 0).map(({ route }) => route);
    expect(open.sort()).toEqual([
      'GET /invitations/{token}/accept',
      'POST /email-verifications/{token}',
      'POST /invitations/{token}/accept',
      'POST /password-resets',
      'POST /password-resets/{token}',
      'POST /sessions',
      'POST /signup',
    ]);
    for (const { route, op } of operations) {
      if (open.includes(route)) continue;
      expect({ route, security: op.security }).toEqual({
        route,
        security: [{ bearerAuth: [] }, { cookieAuth: [] }],
      });
    }
  });

  it('names its licence', async () => {
    const { doc } = await servedOperations();
    expect(doc.info.license?.name).toBe('Proprietary');
  });
});
