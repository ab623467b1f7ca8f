/** The admin app's two-factor screens: the account section, sign-in's code step, the owner's switch. */
export const twoFactorEn = {
  twoFactor: {
    title: 'Two-factor sign-in',
    intro:
      'Signing in also asks for a code from an authenticator app on your phone (Google Authenticator, 1Password, Authy…), so a stolen password is not enough.',
    statusOn: 'Two-factor sign-in is on.',
    statusOff: 'Two-factor sign-in is off.',
    turnOn: 'Turn on',
    starting: 'Starting…',
    scan: 'Scan this QR code with your authenticator app, or type the key below into it.',
    qrLabel: 'QR code for your authenticator app',
    manualKey: 'Key for manual entry',
    code: 'Code from the app',
    codeHint: 'The 6 digits the app shows now',
    confirm: 'Confirm and turn on',
    confirming: 'Checking…',
    recoveryTitle: 'Your recovery codes',
    recoveryIntro:
      'Each code signs you in once if you lose your phone. They are shown only now: save them somewhere safe.',
    copy: 'Copy codes',
    copied: 'Copied',
    download: 'Download',
    saved: 'I have saved them',
    done: 'Done',
    turnOff: 'Turn off',
    turnOffHint: 'Enter a code from the app, or a recovery code.',
    turningOff: 'Turning off…',
    offCode: 'Code or recovery code',
    requiredNotice: 'Your business requires two-factor sign-in: turn it on to continue.',
    requireLabel: 'Require two-factor sign-in for everyone',
    requireHint:
      'Members without it can reach only their account until they turn it on. Turn it on for yourself first.',
    requireOwnerOnly: 'Only the owner can change this.',
    signInCode: 'Authentication code',
    signInCodeHint: 'The 6-digit code from your authenticator app',
    useRecovery: 'Use a recovery code',
    useApp: 'Use the authenticator app',
    recoveryCode: 'Recovery code',
    verify: 'Verify',
    manage: 'Your own two-factor sign-in',
  },
};

export type AdminTwoFactorMessages = typeof twoFactorEn;
