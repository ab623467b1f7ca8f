import type { AdminMessages } from './en';

/** Recurring invoices in the admin app. */
export const recurringIt = {
  recurring: {
    nav: 'Ricorrenti',
    title: 'Fatture ricorrenti',
    intro:
      'Fatture create per te secondo una pianificazione: ogni esecuzione crea una fattura per il suo periodo.',
    new: 'Nuova fattura ricorrente',
    edit: 'Modifica fattura ricorrente',
    all: '← Tutte le fatture ricorrenti',
    empty: 'Ancora nessuna fattura ricorrente.',
    missing: 'Questa fattura ricorrente non esiste.',
    client: 'Cliente',
    schedule: 'Pianificazione',
    repeats: 'Ripeti',
    frequencies: { weekly: 'Settimanale', monthly: 'Mensile', quarterly: 'Trimestrale', yearly: 'Annuale' },
    interval: 'Ogni quante (settimane, mesi, trimestri, anni)',
    dayOfMonth: 'Giorno del mese',
    dayOfMonthHint: 'Vuoto: il giorno della data di inizio. 31 indica l’ultimo giorno dei mesi più brevi.',
    startDate: 'Data di inizio',
    endDate: 'Termina il (facoltativo)',
    count: 'Termina dopo questo numero di fatture (facoltativo)',
    timeZone: 'Fuso orario',
    timeZoneHint:
      'I giorni di esecuzione iniziano a mezzanotte in questo fuso. Vuoto: il paese dell’azienda, altrimenti UTC.',
    paymentTerms: 'Termini di pagamento (giorni)',
    paymentTermsHint: 'Vuoto: i termini di pagamento dell’azienda',
    autoSend: 'Emetti e invia subito ogni fattura',
    autoSendHint: 'Senza questa opzione, ogni fattura è una bozza da controllare e inviare.',
    placeholders:
      'Scrivi {{period.start}} e {{period.end}} in una descrizione per le date del periodo fatturato.',
    save: 'Salva',
    status: { active: 'Attiva', paused: 'In pausa', ended: 'Terminata' },
    sendMode: (auto: boolean): string => (auto ? 'Inviate automaticamente' : 'Bozze da controllare'),
    every: (n: number): string => `ogni ${n}`,
    nextDates: 'Prossime date',
    nextDate: 'Prossima data',
    noNextDates: 'Nessuna data in arrivo.',
    invoices: 'Fatture create',
    noInvoices: 'Ancora nessuna fattura creata.',
    pause: 'Metti in pausa',
    resume: 'Riprendi',
    resumeHint:
      'Riprendendo, si parte dalla prossima data da oggi in poi; i periodi in pausa non vengono fatturati.',
    skip: 'Salta la prossima',
    remove: 'Elimina',
    removeConfirm: 'Eliminare questa fattura ricorrente? Le fatture già create restano.',
    working: 'In corso…',
  },
} satisfies Pick<AdminMessages, 'recurring'>;
