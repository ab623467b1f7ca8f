import type { connectEn } from './en-connect';

/** Settings → Online payments: Stripe Connect. */
export const connectIt = {
  connect: {
    intro:
      'Collega il tuo account Stripe in pochi passaggi: Stripe chiede i dati dell’azienda, poi i clienti possono pagare le fatture con carta dal portale. La tua azienda è il venditore e paga direttamente le commissioni di Stripe.',
    button: 'Collega con Stripe',
    opening: 'Apertura di Stripe…',
    account: 'Account Stripe',
    chargesEnabled: 'Pagamenti attivi',
    chargesDisabled: 'Pagamenti non ancora attivi',
    requirementsDue: 'Stripe richiede ancora:',
    continueOnboarding: 'Continua la configurazione',
    returned: 'Di ritorno da Stripe: lo stato del tuo account è qui sotto.',
    expired: 'Il link di Stripe è scaduto. Continua la configurazione per averne uno nuovo.',
    disconnect: 'Scollega',
    disconnectTitle: 'Scollegare Stripe?',
    disconnectMessage:
      'I clienti non potranno più pagare online finché non ti ricolleghi. Il tuo account Stripe e i pagamenti già registrati restano invariati.',
    ownKeys: 'Usa le tue chiavi (installazione propria)',
    viaConnect: 'tramite Stripe Connect',
    linkExisting: 'Ho già un account Stripe',
    linkOpening: 'Apertura di Stripe…',
    linkHint: 'Accedi a Stripe e scegli l’account da collegare; poi torni qui.',
    linkConnected: 'Il tuo account Stripe è collegato: i clienti possono pagare online.',
    linkDeclined: 'Hai rifiutato nella pagina di Stripe, quindi non è stato collegato nulla.',
    linkFailed:
      'Stripe non è riuscito a collegare l’account (il link potrebbe essere scaduto o già usato). Non è cambiato nulla; riprova.',
    linkTaken:
      'Questo account Stripe è già collegato a un’altra attività qui, quindi non è stato collegato. Non è cambiato nulla.',
  },
} satisfies typeof connectEn;
