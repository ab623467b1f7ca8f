import { createRoute } from '@hono/zod-openapi';
import { SessionSchema } from '../../../services/auth/schema';
import { ForbiddenError } from '../../../services/errors';
import { acceptInvitation } from '../../../services/team/accept';
import { AcceptInvitationInputSchema } from '../../../services/team/schema';
import { isSameOrigin } from '../../same-origin';
import { readSessionCookie, writeSessionCookie } from '../../session-cookies';
import { clientAddress } from '../auth/client-address';
import { commonErrors, jsonResponse, ProblemSchema } from '../fields';
import type { Router } from '../router';
import { tokenParam } from './params';

const route = createRoute({
  operationId: 'acceptInvitation',
  method: 'post',
  path: '/invitations/{token}/accept',
  tags: ['Team'],
  // Public (PUBLIC_PATTERNS in api/index.ts): the token is the credential; a session cookie, when sent, is read.
  security: [],
  summary:
    'Accept an invitation: a new person sends a name and a password and is signed in (201); a person signed in with the invited address sends nothing and their session moves to the business (200)',
  request: {
    params: tokenParam,
    body: { required: false, content: { 'application/json': { schema: AcceptInvitationInputSchema } } },
  },
  responses: {
    200: jsonResponse(SessionSchema, 'Joined; the session now acts for the business'),
    201: jsonResponse(SessionSchema, 'Account created and signed in; the session cookie is set'),
    409: {
      description:
        'An account exists for the address (sign in first), or the signed-in person has another address',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    429: {
      description: 'Too many unknown tokens from this address; see Retry-After',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    ...commonErrors,
  },
});

export function registerAcceptInvitation(app: Router) {
  app.openapi(route, async (c) => {
    const sessionToken = readSessionCookie(c, 'admin');
    // The cookie is ambient: a page elsewhere must not make a signed-in person join a business.
    if (sessionToken && !isSameOrigin(c)) throw new ForbiddenError('notFromApp');
    const accepted = await acceptInvitation(c.var.ctx, {
      token: c.req.valid('param').token,
      input: c.req.valid('json') ?? {},
      sessionToken,
      ip: clientAddress(c),
      userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
      country: c.req.header('cf-ipcountry') ?? null,
    });
    if (accepted.newSession) {
      writeSessionCookie(c, 'admin', accepted.newSession.token, accepted.newSession.expiresAt);
    }
    const view = {
      userId: accepted.userId,
      email: accepted.email,
      tenantId: accepted.tenantId,
      businessName: accepted.businessName,
      locale: accepted.locale,
      role: accepted.role,
    };
    return accepted.created ? c.json(view, 201) : c.json(view, 200);
  });
}
