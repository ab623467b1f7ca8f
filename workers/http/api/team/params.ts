import { z } from '@hono/zod-openapi';

export const userIdParam = z.object({
  userId: z
    .string()
    .max(64)
    .openapi({ param: { name: 'userId', in: 'path' }, example: 'usr_0123456789abcdefghjkmnpq' }),
});

/** The emailed invitation token (43 characters of base64url). */
export const tokenParam = z.object({
  token: z
    .string()
    .max(128)
    .openapi({
      param: { name: 'token', in: 'path' },
      example: 'Jx2c8Q1k0Zr4yVwA7pFq3mN5tLd9sBhGe6uCiKoXjYw',
    }),
});
