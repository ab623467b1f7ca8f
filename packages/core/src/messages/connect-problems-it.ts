import type { connectProblemsEn } from './connect-problems-en';

/** Stripe Connect: why connecting, paying or a Connect event was refused. */
export const connectProblemsIt = {
  connectNotOffered:
    'Stripe Connect non è configurato in questa installazione; collega Stripe con le tue chiavi',
  connectLinkNotOffered:
    'Il collegamento di un account Stripe esistente non è configurato su questa installazione; usa Collega Stripe per crearne uno',
  disconnectRefused: 'Stripe non è riuscito a scollegare l’account; non è cambiato nulla. Riprova tra poco.',
  connectRefused:
    'Stripe non è riuscito ad avviare la configurazione; nulla è stato salvato. Riprova tra poco.',
  connectNotReady:
    'Questa azienda non ha ancora completato la configurazione di Stripe e non può ricevere pagamenti online',
  connectNoEndpoint: 'Gli eventi di Stripe Connect non sono accettati in questa installazione',
  connectSignatureMismatch:
    'La firma di Stripe non corrisponde al segreto di firma del webhook Connect della piattaforma',
} satisfies typeof connectProblemsEn;
