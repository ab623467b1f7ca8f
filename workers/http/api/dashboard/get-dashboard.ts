import { createRoute, z } from '@hono/zod-openapi';
import { dashboard } from '../../../services/dashboard/dashboard';
import { tenantContext } from '../../tenant-context';
import { PaymentSchema } from '../documents/schema';
import { commonErrors, jsonResponse, security } from '../fields';
import type { Router } from '../router';

const money = z.number().int();

const DashboardSchema = z
  .object({
    receivables: z.array(
      z.object({
        currency: z.string(),
        outstanding: money,
        overdue: money,
        aging: z.object({
          current: money,
          days1to30: money,
          days31to60: money,
          days61to90: money,
          days90plus: money,
        }),
      }),
    ),
    invoicedByMonth: z.array(
      z.object({
        month: z.string().openapi({ example: '2026-11' }),
        currency: z.string(),
        invoiced: money,
        paid: money,
      }),
    ),
    recentPayments: z.array(PaymentSchema),
    openTickets: z.number().int(),
    activity: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['estimate_accepted', 'estimate_rejected', 'payment_received', 'ticket_opened']),
        clientId: z.string(),
        text: z.string(),
        path: z.string(),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi('Dashboard');

export function registerGetDashboard(app: Router) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dashboard',
      tags: ['Dashboard'],
      security,
      summary:
        'Receivables and aging, invoiced vs paid per month, recent payments, open tickets, client activity — per currency',
      responses: { 200: jsonResponse(DashboardSchema, 'Dashboard'), ...commonErrors },
    }),
    async (c) => c.json(await dashboard(tenantContext(c)), 200),
  );
}
