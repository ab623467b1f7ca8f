import { OpenAPIHono } from '@hono/zod-openapi';
import { ValidationError } from '../../services/errors';
import type { HonoEnv } from '../hono-env';
import { fieldErrors } from '../problem';
import { useHumanMessages } from './validation-messages';

useHumanMessages();

/** Every API router reports invalid input the same way: 422 naming each field. */
export function createRouter() {
  return new OpenAPIHono<HonoEnv>({
    defaultHook: (result) => {
      if (!result.success) throw ValidationError.fromSchema(fieldErrors(result.error));
    },
  });
}

export type Router = ReturnType<typeof createRouter>;
