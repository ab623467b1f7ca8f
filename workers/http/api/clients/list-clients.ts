import { createRoute, z } from '@hono/zod-openapi';
import { listClientsFor } from '../../../services/clients/clients';
import { ClientSchema } from '../../../services/clients/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listClients',
  method: 'get',
  path: '/clients',
  tags: ['Clients'],
  security,
  ...permit('read'),
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

export function registerListClients(app: Router) {
  app.openapi(route, async (c) => {
    const { q, cursor, limit, archived } = c.req.valid('query');
    const page = await listClientsFor(tenantContext(c), { q, cursor, limit, archived: archived === 'true' });
    return c.json(page, 200);
  });
}
