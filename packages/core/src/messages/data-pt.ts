/** Taking a business's data out and back in: refusals and the "export ready" email. */
export const dataProblemsPt = {
  importNotEmpty:
    'Uma exportação só pode ser importada para uma empresa vazia; esta já tem clientes ou documentos',
  notAnExport: 'Este arquivo não é uma exportação do Clientele (um ZIP com manifest.json)',
  exportVersionUnknown: 'Esta exportação foi feita por uma versão do Clientele que esta não consegue ler',
  missingInArchive: 'Este arquivo não está no arquivo ZIP',
  notInArchive: 'Isto se refere a um registro que não está no arquivo ZIP',
  exportNotReady: 'Esta exportação ainda não está pronta',
  exportExpired: 'Esta exportação expirou; inicie uma nova',
  sendZip: 'Envie a exportação como application/zip',
};

/** The email telling a person their export is ready. */
export const exportMailPt = {
  subject: (business: string): string => `Sua exportação de ${business} está pronta`,
  ready: (business: string): string =>
    `A exportação de todos os dados de ${business} que você pediu está pronta: um ZIP com cada cliente, documento, pagamento, pedido de suporte, e-mail e registro de auditoria, e todos os PDFs e anexos.`,
  expires: (days: number): string =>
    `Baixe-a na página Dados das Configurações em até ${days} dias; depois disso o arquivo é apagado.`,
  open: 'Abrir a página Dados',
};
