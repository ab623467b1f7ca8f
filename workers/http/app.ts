import { Hono } from 'hono';
import { createApi } from './api';
import { type ContextVariables, invocationContext } from './middleware/context';
import { readsWithoutBody } from './middleware/reads-without-body';
import { createPortal } from './portal';
import { renderError, routeNotFound } from './problem';
import { requestId } from './request-id';
import { createWebhooks } from './webhooks';

export function createApp() {
  const app = new Hono<{ Bindings: Env; Variables: ContextVariables }>();
  app.use('*', requestId());
  app.use('*', readsWithoutBody());
  app.use('*', invocationContext());
  app.route('/api/v1', createApi());
  app.route('/portal', createPortal());
  app.route('/webhooks', createWebhooks());
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return routeNotFound(c);
    return c.env.ASSETS.fetch(c.req.raw);
  });
  app.onError(renderError);
  return app;
}
