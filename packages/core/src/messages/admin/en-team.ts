/** The admin app's team screens: members, invitations, switching business. See ./en.ts. */
export const teamEn = {
  team: {
    title: 'Team',
    members: 'People in this business',
    role: 'Role',
    roles: { owner: 'Owner', admin: 'Admin', member: 'Member', accountant: 'Accountant' },
    roleHint:
      'Admins manage everything but owners; members work with clients, documents, payments and tickets; accountants read and export, and change nothing.',
    joined: 'Joined',
    remove: 'Remove',
    leave: 'Leave',
    you: 'you',
    removeTitle: (name: string): string => `Remove ${name} from this business?`,
    removeMessage: 'Their sessions in this business end at once.',
    inviteTitle: 'Invite someone',
    invite: 'Send invitation',
    invited: (email: string): string => `Invitation sent to ${email}.`,
    pending: 'Pending invitations',
    nonePending: 'No pending invitations.',
    expires: (date: string): string => `Link works until ${date}`,
    resend: 'Send again',
    acceptTitle: (business: string): string => `Join ${business}`,
    acceptIntro: (email: string, role: string): string => `This invitation is for ${email}, as ${role}.`,
    yourName: 'Your name',
    choosePassword: 'Choose a password (10 characters or more)',
    signInFirst: 'An account with this address already exists: sign in with it, then open the link again.',
    invalidLink:
      'This invitation link does not work any more: it expired, was replaced or was already used. Ask for a new one.',
    business: 'Business',
    switchTo: 'Switch business',
  },
};

export type AdminTeamMessages = typeof teamEn;
