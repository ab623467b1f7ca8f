import type { AdminMessages } from './en';

/** Settings → closing the business (owner only). */
export const closingIt = {
  closing: {
    title: 'Chiudi questa azienda',
    intro:
      'La chiusura elimina l’azienda per tutti: clienti, documenti, pagamenti, richieste di assistenza e file vengono cancellati entro 24 ore, tutti i membri vengono disconnessi subito, i link del portale clienti smettono di funzionare e Stripe viene scollegato. Se potrebbero servirti, esporta prima i tuoi dati.',
    confirm: (name: string) => `Scrivi il nome dell’azienda per confermare: ${name}`,
    password: 'La tua password',
    totp: 'Codice dell’app di autenticazione (se l’accesso in due passaggi è attivo)',
    submit: 'Chiudi l’azienda definitivamente',
    closing: 'Chiusura in corso…',
  },
} satisfies Pick<AdminMessages, 'closing'>;
