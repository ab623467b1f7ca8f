/** Settings → closing the business (owner only). */
export const closingEn = {
  closing: {
    title: 'Close this business',
    intro:
      'Closing removes the business for everyone: all its clients, documents, payments, tickets and files are deleted within 24 hours, every member is signed out at once, client portal links stop working and Stripe is disconnected. Export your data first if you may need it.',
    confirm: (name: string) => `To confirm, type its name: ${name}`,
    password: 'Your password',
    totp: 'Code from your authenticator app (if two-factor sign-in is on)',
    submit: 'Close the business for good',
    closing: 'Closing…',
  },
};
