import type { AdminTwoFactorMessages } from './en-two-factor';

export const twoFactorIt = {
  twoFactor: {
    title: 'Accesso in due passaggi',
    intro:
      'Per accedere serve anche un codice di un’app di autenticazione sul telefono (Google Authenticator, 1Password, Authy…), così una password rubata non basta.',
    statusOn: 'L’accesso in due passaggi è attivo.',
    statusOff: 'L’accesso in due passaggi non è attivo.',
    turnOn: 'Attiva',
    starting: 'Avvio…',
    scan: 'Inquadra questo codice QR con l’app di autenticazione, oppure inserisci la chiave qui sotto.',
    qrLabel: 'Codice QR per l’app di autenticazione',
    manualKey: 'Chiave da inserire a mano',
    code: 'Codice dell’app',
    codeHint: 'Le 6 cifre che l’app mostra ora',
    confirm: 'Conferma e attiva',
    confirming: 'Verifica…',
    recoveryTitle: 'I tuoi codici di recupero',
    recoveryIntro:
      'Ogni codice ti fa accedere una volta se perdi il telefono. Sono mostrati solo ora: conservali in un posto sicuro.',
    copy: 'Copia i codici',
    copied: 'Copiati',
    download: 'Scarica',
    saved: 'Li ho salvati',
    done: 'Fatto',
    turnOff: 'Disattiva',
    turnOffHint: 'Inserisci un codice dell’app o un codice di recupero.',
    turningOff: 'Disattivazione…',
    offCode: 'Codice o codice di recupero',
    requiredNotice: 'La tua azienda richiede l’accesso in due passaggi: attivalo per continuare.',
    requireLabel: 'Richiedi a tutti l’accesso in due passaggi',
    requireHint:
      'Chi non lo ha può aprire solo il proprio account finché non lo attiva. Attivalo prima per te.',
    requireOwnerOnly: 'Solo il titolare può modificarlo.',
    signInCode: 'Codice di autenticazione',
    signInCodeHint: 'Il codice di 6 cifre dell’app di autenticazione',
    useRecovery: 'Usa un codice di recupero',
    useApp: 'Usa l’app di autenticazione',
    recoveryCode: 'Codice di recupero',
    verify: 'Verifica',
    manage: 'Il tuo accesso in due passaggi',
  },
} satisfies AdminTwoFactorMessages;
