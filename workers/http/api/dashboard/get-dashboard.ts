import { createRoute } from '@hono/zod-openapi';
import { dashboard } from '../../../services/dashboard/dashboard';
import { DashboardSchema } from '../../../services/dashboard/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

export function registerGetDashboard(app: Router) {
  app.openapi(
    createRoute({
      operationId: 'getDashboard',
      method: 'get',
      path: '/dashboard',
      tags: ['Dashboard'],
      security,
      ...permit('read'),
      summary:
        'Receivables and aging, invoiced vs paid per month, recent payments, open tickets, client activity — per currency',
      responses: { 200: jsonResponse(DashboardSchema, 'Dashboard'), ...commonErrors },
    }),
    async (c) => c.json(await dashboard(tenantContext(c)), 200),
  );
}
