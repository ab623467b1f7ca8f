/** The admin app's Data screen: export everything, download it, import an export. */
export const dataIt = {
  data: {
    title: 'Dati',
    link: 'Dati: esporta e importa',
    exportTitle: 'Esporta tutti i dati',
    exportHint:
      'Uno ZIP con ogni cliente, documento, pagamento, modello, richiesta di assistenza, email e riga del registro attività, e tutti i PDF e gli allegati. Viene preparato in background e ricevi un’email quando è pronto; il link per scaricarlo vale 7 giorni.',
    exportButton: 'Esporta tutti i dati',
    running: (p: number): string => `Preparazione dell’esportazione… ${p}%`,
    recent: 'Esportazioni recenti',
    none: 'Ancora nessuna esportazione.',
    statusLabel: 'Stato',
    status: { queued: 'In coda', running: 'In preparazione', ready: 'Pronta', failed: 'Non riuscita' },
    size: 'Dimensione',
    requested: 'Richiesta il',
    expires: 'Il link scade il',
    download: 'Scarica',
    expired: 'Scaduta',
    failed: (reason: string): string => `Non riuscita: ${reason}`,
    importTitle: 'Importa da un’esportazione',
    importHint:
      'Carica un’esportazione di Clientele in questa attività, con nuovi id per ogni riga. Possibile solo finché l’attività non ha clienti né documenti.',
    importFile: 'File dell’esportazione (ZIP)',
    importButton: 'Importa',
    imported: (clients: number, documents: number): string =>
      `Importati ${clients} clienti e ${documents} documenti.`,
    importOnlyEmpty: 'Si può importare un’esportazione solo finché l’attività non ha clienti né documenti.',
  },
};
