import { ACTIVITY_KINDS } from '@clientele/db';
import { z } from '@hono/zod-openapi';
import { PaymentSchema } from '../payments/schema';

const money = z.number().int();

export const DashboardSchema = z
  .object({
    clientCredit: z
      .array(z.object({ currency: z.string(), amount: money }))
      .openapi({ description: 'Credit the business holds for its clients, per currency' }),
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
        kind: z.enum(ACTIVITY_KINDS),
        clientId: z.string(),
        text: z.string(),
        path: z.string(),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi('Dashboard');

export type Dashboard = z.infer<typeof DashboardSchema>;
