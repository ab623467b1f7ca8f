/** The email inviting someone to a business (see ./en.ts for how the catalogue works). */
export const invitationEn = {
  subject: (business: string): string => `You are invited to join ${business} on Clientele`,
  body: (inviter: string, business: string, role: string): string =>
    `${inviter} invited you to join ${business} on Clientele as ${role}.`,
  expires: 'The link works once, for 7 days.',
  accept: 'Accept the invitation',
  ignore: 'If you did not expect this email, you can ignore it.',
  role: { owner: 'owner', admin: 'administrator', member: 'member', accountant: 'accountant' },
};
