/** Taking a business's data out and back in: refusals and the "export ready" email. */
export const dataProblemsIt = {
  importNotEmpty:
    'Un’esportazione si può importare solo in un’attività vuota; questa ha già clienti o documenti',
  notAnExport: 'Questo file non è un’esportazione di Clientele (uno ZIP con manifest.json)',
  exportVersionUnknown:
    'Questa esportazione è stata creata da una versione di Clientele che questa non sa leggere',
  missingInArchive: 'Questo file manca nell’archivio',
  notInArchive: 'Questo rimanda a una riga che non è nell’archivio',
  exportNotReady: 'Questa esportazione non è ancora pronta',
  exportExpired: 'Questa esportazione è scaduta; avviane una nuova',
  sendZip: 'Invia l’esportazione come application/zip',
};

/** The email telling a person their export is ready. */
export const exportMailIt = {
  subject: (business: string): string => `L’esportazione di ${business} è pronta`,
  ready: (business: string): string =>
    `L’esportazione di tutti i dati di ${business} che hai chiesto è pronta: uno ZIP con ogni cliente, documento, pagamento, richiesta di assistenza, email e riga del registro attività, e tutti i PDF e gli allegati.`,
  expires: (days: number): string =>
    `Scaricala dalla pagina Dati delle Impostazioni entro ${days} giorni; poi il file viene eliminato.`,
  open: 'Apri la pagina Dati',
};
