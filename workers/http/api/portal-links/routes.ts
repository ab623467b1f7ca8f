import type { Router } from '../router';
import { registerCreatePortalLink } from './create-portal-link';
import { registerListPortalLinks } from './list-portal-links';
import { registerRevokePortalLink } from './revoke-portal-link';

export function registerPortalLinkRoutes(app: Router) {
  registerCreatePortalLink(app);
  registerListPortalLinks(app);
  registerRevokePortalLink(app);
}
