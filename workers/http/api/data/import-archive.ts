import { createRoute, z } from '@hono/zod-openapi';
import { importArchive, MAX_IMPORT_BYTES } from '../../../services/data/imports';
import { ImportCountsSchema } from '../../../services/data/schema';
import { permit } from '../../middleware/allow';
import { tenantContext } from '../../tenant-context';
import { commonErrors, jsonResponse, ProblemSchema, security } from '../fields';
import type { Router } from '../router';

const route = createRoute({
  operationId: 'importArchive',
  method: 'post',
  path: '/imports',
  tags: ['Data'],
  security,
  ...permit('owner'),
  summary: `Load an export (its ZIP as the body, at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB: 413 above) into this business, which must have no clients or documents yet (409). Every row gets a new id; nothing is written unless the whole archive is valid (422 naming the file and field). Owner only, signed in (no API key).`,
  request: {
    body: {
      required: true,
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
  },
  responses: {
    201: jsonResponse(ImportCountsSchema, 'What was imported'),
    ...commonErrors,
    409: {
      description: 'The business already has clients or documents',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

export function registerImportArchive(app: Router) {
  app.openapi(route, async (c) => {
    const counts = await importArchive(tenantContext(c), new Uint8Array(await c.req.arrayBuffer()));
    return c.json({ counts }, 201);
  });
}
