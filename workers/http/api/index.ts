import { inLanguage } from '../../services/reader-language';
import { authenticate } from '../middleware/authenticate';
import { serverTiming } from '../middleware/context';
import { idempotency } from '../middleware/idempotency';
import { noStore } from '../middleware/no-store';
import { jsonOnly, limitBody } from '../middleware/request-body';
import { sessionCookieName } from '../session-cookies';
import { registerAccountRoutes } from './account/routes';
import { registerListAuditLog } from './audit-log/list-audit-log';
import { registerAuthRoutes } from './auth/routes';
import { registerCloseBusiness } from './business/close-business';
import { registerClientRoutes } from './clients/routes';
import { registerGetDashboard } from './dashboard/get-dashboard';
import { registerDataRoutes } from './data/routes';
import { registerDocumentRoutesAll } from './documents/routes';
import { registerEmailRoutes } from './emails/routes';
import { registerPortalLinkRoutes } from './portal-links/routes';
import { registerRecurringInvoiceRoutes } from './recurring-invoices/routes';
import { createRouter } from './router';
import { registerSettingsRoutes } from './settings/routes';
import { registerStripeSettingsRoutes } from './settings/stripe-routes';
import { registerTeamRoutes } from './team/routes';
import { registerTemplateRoutes } from './templates/routes';
import { registerTicketRoutes } from './tickets/routes';
import { registerTwoFactorRoutes } from './two-factor/routes';

/**
 * Routes anyone may call. Everything else needs a session or API key: default-deny,
 * so a new route cannot be left open by forgetting a middleware.
 */
const PUBLIC_ROUTES = new Set([
  'POST /signup',
  'POST /sessions',
  'GET /openapi.json',
  'POST /password-resets',
]);
/** Public routes whose path carries the credential itself: a token from an emailed link. */
const PUBLIC_TOKEN_ROUTES = [
  /^POST \/password-resets\/[^/]+$/,
  /^POST \/email-verifications\/[^/]+$/,
  /^(GET|POST) \/invitations\/[^/]+\/accept$/,
];
const isPublic = (route: string) =>
  PUBLIC_ROUTES.has(route) || PUBLIC_TOKEN_ROUTES.some((r) => r.test(route));

/**
 * The product is not open source: SPDX's form for a licence that is not on its list. OpenAPI
 * 3.1 names it with `identifier`, which the generator's (3.0) types do not list yet.
 */
const LICENSE = { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' };

export function createApi() {
  const api = createRouter();

  // Refusals are written in the caller's language (the admin app sends the business's).
  api.use('*', (c, next) => inLanguage(c.var.ctx.language, next));
  api.use('*', noStore(), serverTiming(), limitBody(), jsonOnly());
  const auth = authenticate();
  api.use('*', async (c, next) => {
    const route = `${c.req.method} ${c.req.path.replace(/^\/api\/v1/, '')}`;
    return isPublic(route) ? next() : auth(c, next);
  });
  api.use('*', idempotency());

  registerAuthRoutes(api);
  registerAccountRoutes(api);
  registerGetDashboard(api);
  registerSettingsRoutes(api);
  registerStripeSettingsRoutes(api);
  registerClientRoutes(api);
  registerDocumentRoutesAll(api);
  registerRecurringInvoiceRoutes(api);
  registerTemplateRoutes(api);
  registerEmailRoutes(api);
  registerPortalLinkRoutes(api);
  registerTicketRoutes(api);
  registerCloseBusiness(api);
  registerListAuditLog(api);
  registerTwoFactorRoutes(api);
  registerTeamRoutes(api);
  registerDataRoutes(api);

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key from POST /api-keys. A `write` key acts as an admin, a `read` key as an accountant (GET only). No key can create or revoke keys, change Stripe settings, manage the team, act for a person (/me) or read the dev outbox (403).',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookieName('admin'),
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Clientele API',
      version: '1.0.0',
      description:
        'Clients, invoices, estimates, payments, portal links and support tickets for one business.',
      license: LICENSE,
    },
    servers: [{ url: '/api/v1' }],
  });
  return api;
}
