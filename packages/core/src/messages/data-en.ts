/** Taking a business's data out and back in: refusals and the "export ready" email. */
export const dataProblemsEn = {
  importNotEmpty:
    'An export can be imported only into an empty business; this one already has clients or documents',
  notAnExport: 'This file is not a Clientele export (a ZIP holding manifest.json)',
  exportVersionUnknown: 'This export was made by a version of Clientele this one cannot read',
  missingInArchive: 'This file is missing from the archive',
  notInArchive: 'This refers to a row that is not in the archive',
  exportNotReady: 'This export is not ready yet',
  exportExpired: 'This export has expired; start a new one',
  sendZip: 'Send the export as application/zip',
};

/** The email telling a person their export is ready. */
export const exportMailEn = {
  subject: (business: string): string => `Your export of ${business} is ready`,
  ready: (business: string): string =>
    `The export of all the data of ${business} you asked for is ready: one ZIP with every client, document, payment, ticket, email and audit line, and every PDF and attachment.`,
  expires: (days: number): string =>
    `Download it from the Data page of Settings within ${days} days; after that the file is deleted.`,
  open: 'Open the Data page',
};
