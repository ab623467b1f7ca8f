import type { remindersEn } from './en-reminders';

export const remindersIt = {
  reminders: {
    title: 'Solleciti di pagamento',
    intro:
      'Email al cliente per una fattura non pagata, ogni passaggio una volta per fattura. Dopo una pausa si invia solo l’ultimo passaggio arrivato, e un passaggio passato da più di 7 giorni viene saltato, così il cliente non riceve mai più solleciti insieme.',
    none: 'Nessun passaggio: non si inviano solleciti.',
    step: (n) => `Passaggio ${n}`,
    days: 'Giorni',
    when: 'Quando',
    before: 'prima della scadenza',
    onDue: 'il giorno della scadenza',
    after: 'dopo la scadenza',
    add: 'Aggiungi un passaggio',
    remove: (n) => `Rimuovi il passaggio ${n}`,
    pauseForTickets:
      'Sospendi i solleciti finché il cliente ha una richiesta di assistenza sulla fattura non chiusa (aperta o in attesa della sua risposta)',
    save: 'Salva i solleciti',
    describe: (offset) =>
      offset === 0
        ? 'Il giorno della scadenza'
        : offset < 0
          ? `${-offset} ${-offset === 1 ? 'giorno' : 'giorni'} prima della scadenza`
          : `${offset} ${offset === 1 ? 'giorno' : 'giorni'} dopo la scadenza`,
    templateStep: 'Passaggio del sollecito',
    allSteps: 'Tutti i passaggi (sollecito generale)',
    sendNow: 'Invia sollecito ora',
    queued: (to) => `Sollecito in coda per ${to}.`,
    history: 'Solleciti',
    manual: 'Inviato a mano',
    sent: 'inviato',
    skipped: 'saltato',
  },
} satisfies typeof remindersEn;
