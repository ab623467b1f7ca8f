import { z } from '@hono/zod-openapi';

/** A logo goes up and comes back as the image it is: PNG or JPEG. */
export const logoImage = {
  'image/png': { schema: z.string().openapi({ format: 'binary' }) },
  'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
};
