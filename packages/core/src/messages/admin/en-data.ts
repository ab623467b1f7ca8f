/** The admin app's Data screen: export everything, download it, import an export. */
export const dataEn = {
  data: {
    title: 'Data',
    link: 'Data: export and import',
    exportTitle: 'Export all data',
    exportHint:
      'One ZIP with every client, document, payment, template, ticket, email and audit line, and every PDF and attachment. It is prepared in the background and you get an email when it is ready; the download link works for 7 days.',
    exportButton: 'Export all data',
    running: (p: number): string => `Preparing the export… ${p}%`,
    recent: 'Recent exports',
    none: 'No exports yet.',
    statusLabel: 'Status',
    status: { queued: 'Waiting', running: 'Preparing', ready: 'Ready', failed: 'Failed' },
    size: 'Size',
    requested: 'Requested',
    expires: 'Link expires',
    download: 'Download',
    expired: 'Expired',
    failed: (reason: string): string => `Failed: ${reason}`,
    importTitle: 'Import from an export',
    importHint:
      'Loads a Clientele export into this business, with new ids for every row. Possible only while the business has no clients or documents.',
    importFile: 'Export file (ZIP)',
    importButton: 'Import',
    imported: (clients: number, documents: number): string =>
      `Imported ${clients} clients and ${documents} documents.`,
    importOnlyEmpty: 'Importing an export is possible only while the business has no clients or documents.',
  },
};
