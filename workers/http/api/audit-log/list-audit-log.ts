import { createRoute } from '@hono/zod-openapi';
import { auditLogFor } from '../../../services/audit-log/audit-log';
import { AuditLineSchema, AuditLogQuerySchema } from '../../../services/audit-log/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, pageOf, paginationQuery, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'listAuditLog',
  method: 'get',
  path: '/audit-log',
  tags: ['Audit'],
  security,
  ...permit('settings'),
  summary: 'Who changed what and when, newest first (owners and admins)',
  request: { query: AuditLogQuerySchema.extend(paginationQuery) },
  responses: { 200: jsonResponse(pageOf(AuditLineSchema), 'A page of audit lines'), ...commonErrors },
});

export function registerListAuditLog(app: Router) {
  app.openapi(route, async (c) => {
    return c.json(await auditLogFor(tenantContext(c), c.req.valid('query')), 200);
  });
}
