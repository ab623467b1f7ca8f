import type { accountProblemsEn } from './account-problems-en';

/** Refusals about people and their access: roles, team, sign-in factors, own account. */
export const accountProblemsIt = {
  roleMayNot: (role) => `Il tuo ruolo in questa azienda (${role}) non lo consente`,
  onlyOwnerTouchesOwner: 'Solo un titolare può invitare, modificare o rimuovere un titolare',
  alreadyMember: 'Questa persona fa già parte di questa azienda',
  lastOwner: 'Un’azienda ha bisogno di un titolare: nomina prima titolare qualcun altro',
  signInToAccept: 'Esiste già un account con questa email: accedi con quello e riapri l’invito',
  invitationForAnotherEmail: 'Questo invito è per un altro indirizzo email: esci e riapri il link',
  totpRequired: 'Inserisci il codice della tua app di autenticazione',
  totpWrong:
    'Questo codice non è corretto o è già stato usato; inserisci il codice attuale dell’app di autenticazione o un codice di recupero',
  twoFactorAlreadyOn: 'L’accesso in due passaggi è già attivo per il tuo account',
  twoFactorNotStarted:
    'Inizia prima ad attivare l’accesso in due passaggi: il codice appartiene al segreto mostrato allora',
  twoFactorNotOn: 'L’accesso in due passaggi non è attivo per il tuo account',
  twoFactorRequired:
    'Questa azienda chiede a tutti di accedere con un secondo fattore: attiva prima l’accesso in due passaggi nel tuo account',
  ownerNeedsTwoFactor: 'Attiva l’accesso in due passaggi per te prima di richiederlo a tutti',
  businessNameMismatch: 'Scrivi il nome dell’azienda esattamente come è mostrato',
  passwordIncorrect: 'La password non è corretta',
  secondFactorNeeded: 'Inserisci un codice dalla tua app di autenticazione',
  wrongCurrentPassword: 'La password attuale non è corretta',
  sameEmail: 'Questo è già il tuo indirizzo email',
  clientEmailCap: (n: number): string =>
    `Conferma il tuo indirizzo email per inviare ai clienti più di ${n} email al giorno (vedi l’avviso in alto: "Invia di nuovo il link")`,
  resetLinkSent:
    'Se un account usa questo indirizzo, riceverà un link per scegliere una nuova password. Vale una volta, entro un’ora.',
} satisfies typeof accountProblemsEn;
