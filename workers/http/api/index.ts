import { inLanguage } from '../../services/reader-language';
import { authenticate } from '../middleware/authenticate';
import { serverTiming } from '../middleware/context';
import { idempotency } from '../middleware/idempotency';
import { noStore } from '../middleware/no-store';
import { jsonOnly, limitBody } from '../middleware/request-body';
import { sessionCookieName } from '../session-cookies';
import { registerAuthRoutes } from './auth/routes';
import { registerClientRoutes } from './clients/routes';
import { registerGetDashboard } from './dashboard/get-dashboard';
import { registerDataRoutes } from './data/routes';
import { registerDocumentRoutesAll } from './documents/routes';
import { registerEmailRoutes } from './emails/routes';
import { registerPortalLinkRoutes } from './portal-links/routes';
import { createRouter } from './router';
import { registerSettingsRoutes } from './settings/routes';
import { registerStripeSettingsRoutes } from './settings/stripe-routes';
import { registerTemplateRoutes } from './templates/routes';
import { registerTicketRoutes } from './tickets/routes';

/**
 * Routes anyone may call. Everything else needs a session or API key: default-deny,
 * so a new route cannot be left open by forgetting a middleware.
 */
const PUBLIC_ROUTES = new Set(['POST /signup', 'POST /sessions', 'GET /openapi.json']);

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
    return PUBLIC_ROUTES.has(route) ? next() : auth(c, next);
  });
  api.use('*', idempotency());

  registerAuthRoutes(api);
  registerGetDashboard(api);
  registerSettingsRoutes(api);
  registerStripeSettingsRoutes(api);
  registerClientRoutes(api);
  registerDocumentRoutesAll(api);
  registerTemplateRoutes(api);
  registerEmailRoutes(api);
  registerPortalLinkRoutes(api);
  registerTicketRoutes(api);
  registerDataRoutes(api);

  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key from POST /api-keys. A `read` key may only GET; a `write` key may also change data. No key can create or revoke keys, change Stripe settings or read the dev outbox (403).',
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
