import type { Router } from '../router';
import { registerAcceptInvitation } from './accept-invitation';
import { registerCreateInvitation } from './create-invitation';
import { registerGetInvitation } from './get-invitation';
import { registerListInvitations } from './list-invitations';
import { registerListMembers } from './list-members';
import { registerListMyBusinesses } from './list-my-businesses';
import { registerRemoveMember } from './remove-member';
import { registerResendInvitation } from './resend-invitation';
import { registerRevokeInvitation } from './revoke-invitation';
import { registerSwitchBusiness } from './switch-business';
import { registerUpdateMember } from './update-member';

export function registerTeamRoutes(app: Router) {
  registerListMembers(app);
  registerUpdateMember(app);
  registerRemoveMember(app);
  registerCreateInvitation(app);
  registerListInvitations(app);
  registerRevokeInvitation(app);
  registerResendInvitation(app);
  registerGetInvitation(app);
  registerAcceptInvitation(app);
  registerListMyBusinesses(app);
  registerSwitchBusiness(app);
}
