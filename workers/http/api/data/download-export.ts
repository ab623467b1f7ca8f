import { createRoute, z } from '@hono/zod-openapi';
import { exportFile } from '../../../services/data/exports';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, idParam, ProblemSchema, security } from '../fields';
import type { Router } from '../router';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const route = createRoute({
  operationId: 'downloadExport',
  method: 'get',
  path: '/exports/{id}/download',
  tags: ['Data'],
  security,
  ...permit('export'),
  summary: 'The export’s ZIP (each download is in the audit log)',
  request: { params: idParam('exp') },
  responses: {
    200: {
      description: 'The ZIP',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...commonErrors,
    409: problem('Not ready yet'),
    410: problem('Expired: the file has been deleted'),
  },
});

export function registerDownloadExport(app: Router) {
  app.openapi(route, async (c) => {
    const file = await exportFile(tenantContext(c), c.req.valid('param').id);
    return new Response(file.body, {
      headers: {
        'content-type': 'application/zip',
        'content-length': String(file.size),
        'content-disposition': `attachment; filename="${file.filename}"`,
      },
    });
  });
}
