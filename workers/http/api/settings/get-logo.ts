import { createRoute } from '@hono/zod-openapi';
import { currentLogo } from '../../../services/settings/logo';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, security } from '../fields';
import type { Router } from '../router';
import { logoImage } from './logo-image';

const route = createRoute({
  operationId: 'getLogo',
  method: 'get',
  path: '/settings/logo',
  tags: ['Settings'],
  security,
  ...permit('read'),
  summary: 'The current logo image',
  responses: { 200: { description: 'Image', content: logoImage }, ...commonErrors },
});

export function registerGetLogo(app: Router) {
  app.openapi(route, async (c) => {
    const object = await currentLogo(tenantContext(c));
    return new Response(object.body, {
      headers: {
        'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
        'cache-control': 'private, max-age=300',
      },
    });
  });
}
