/** Refusals about people and their access: roles, team, sign-in factors, own account. */
export const accountProblemsEn = {
  roleMayNot: (role: string): string => `Your role in this business (${role}) does not allow this`,
  onlyOwnerTouchesOwner: 'Only an owner can invite, change or remove an owner',
  alreadyMember: 'This person is already a member of this business',
  lastOwner: 'A business needs an owner: make someone else owner first',
  signInToAccept:
    'An account with this email already exists: sign in with it, then open the invitation again',
  invitationForAnotherEmail:
    'This invitation is for another email address: sign out, then open the link again',
  totpRequired: 'Enter the code from your authenticator app',
  totpWrong:
    'This code is not right or was already used; enter the current code from your authenticator app, or a recovery code',
  twoFactorAlreadyOn: 'Two-factor sign-in is already on for your account',
  twoFactorNotStarted: 'Start turning on two-factor sign-in first: the code belongs to the secret shown then',
  twoFactorNotOn: 'Two-factor sign-in is not on for your account',
  twoFactorRequired:
    'This business asks everyone to sign in with a second factor: turn on two-factor sign-in in your account first',
  ownerNeedsTwoFactor: 'Turn on two-factor sign-in for yourself before requiring it for everyone',
  businessNameMismatch: 'Type the business name exactly as it is shown',
  passwordIncorrect: 'The password is not correct',
  secondFactorNeeded: 'Enter a code from your authenticator app',
  wrongCurrentPassword: 'Your current password is not correct',
  sameEmail: 'This is already your email address',
  clientEmailCap: (n: number): string =>
    `Verify your email address to send more than ${n} emails to clients a day (see the banner at the top: "Send the link again")`,
  resetLinkSent:
    'If an account uses this address, a link to choose a new password is on its way. It works once, within an hour.',
  /** The problem document's `title`, by HTTP status. */
};
