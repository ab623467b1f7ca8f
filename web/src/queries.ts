import { QueryClient } from '@tanstack/react-query';

/**
 * One cache for the app. Reads are cached per key and refetched when stale; every write
 * invalidates what it changed (`useAction`), so pages never reload by hand.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: true },
  },
});

/** Query keys, so a write can invalidate exactly what it touched. */
export const keys = {
  clients: (params: object) => ['clients', params] as const,
  client: (id: string) => ['client', id] as const,
  summary: (id: string) => ['client', id, 'summary'] as const,
  clientDocuments: (id: string, params: object) => ['client', id, 'documents', params] as const,
  documents: (type: string, params: object) => ['documents', type, params] as const,
  document: (type: string, id: string) => ['document', type, id] as const,
  payments: (invoiceId: string) => ['document', 'invoice', invoiceId, 'payments'] as const,
  onlinePayments: (invoiceId: string) => ['document', 'invoice', invoiceId, 'online-payments'] as const,
  stripe: ['settings', 'stripe'] as const,
  emails: (clientId?: string) => ['emails', clientId ?? null] as const,
  portalLinks: (clientId: string) => ['client', clientId, 'portal-links'] as const,
  settings: ['settings'] as const,
  dashboard: ['dashboard'] as const,
  tickets: (params: object) => ['tickets', params] as const,
  ticket: (id: string) => ['tickets', 'one', id] as const,
  unreadTickets: ['tickets', 'unread'] as const,
  inboundMail: ['tickets', 'inbound-mail'] as const,
  apiKeys: ['api-keys'] as const,
  templates: (kind: string, clientId?: string) => ['templates', kind, clientId ?? null] as const,
};
