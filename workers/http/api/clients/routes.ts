import { createRoute, z } from '@hono/zod-openapi';
import {
  archiveClientFor,
  createClientFor,
  getClientFor,
  listClientsFor,
  updateClientFor,
} from '../../../services/clients/clients';
import { ClientInputSchema, ClientPatchSchema, ClientSchema } from '../../../services/clients/schema';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, jsonBody, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';

const tags = ['Clients'];
const params = idParam('cli');

const list = createRoute({
  method: 'get',
  path: '/clients',
  tags,
  security,
  summary: 'List or search clients, newest first',
  request: {
    query: z.object({
      q: z.string().max(200).optional().openapi({ description: 'Matches name, company or email' }),
      archived: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: '"true" lists archived clients instead of active ones' }),
      ...paginationQuery,
    }),
  },
  responses: { 200: jsonResponse(pageOf(ClientSchema), 'A page of clients'), ...commonErrors },
});

const create = createRoute({
  method: 'post',
  path: '/clients',
  tags,
  security,
  summary: 'Create a client',
  request: { body: jsonBody(ClientInputSchema) },
  responses: { 201: jsonResponse(ClientSchema, 'The new client'), ...commonErrors },
});

const read = createRoute({
  method: 'get',
  path: '/clients/{id}',
  tags,
  security,
  summary: 'Read a client',
  request: { params },
  responses: { 200: jsonResponse(ClientSchema, 'The client'), ...commonErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/clients/{id}',
  tags,
  security,
  summary: 'Update a client; omitted fields stay as they are',
  request: { params, body: jsonBody(ClientPatchSchema) },
  responses: { 200: jsonResponse(ClientSchema, 'The updated client'), ...commonErrors },
});

const archive = createRoute({
  method: 'delete',
  path: '/clients/{id}',
  tags,
  security,
  summary: 'Archive a client (documents keep pointing at it)',
  request: { params },
  responses: { 200: jsonResponse(ClientSchema, 'The archived client'), ...commonErrors },
});

export function registerClientRoutes(app: Router) {
  app.openapi(list, async (c) => {
    const { q, cursor, limit, archived } = c.req.valid('query');
    const page = await listClientsFor(tenantContext(c), { q, cursor, limit, archived: archived === 'true' });
    return c.json(page, 200);
  });
  app.openapi(create, async (c) => c.json(await createClientFor(tenantContext(c), c.req.valid('json')), 201));
  app.openapi(read, async (c) => c.json(await getClientFor(tenantContext(c), c.req.valid('param').id), 200));
  app.openapi(update, async (c) =>
    c.json(await updateClientFor(tenantContext(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(archive, async (c) =>
    c.json(await archiveClientFor(tenantContext(c), c.req.valid('param').id), 200),
  );
}
