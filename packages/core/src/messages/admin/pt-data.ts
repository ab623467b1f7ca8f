/** The admin app's Data screen: export everything, download it, import an export. */
export const dataPt = {
  data: {
    title: 'Dados',
    link: 'Dados: exportar e importar',
    exportTitle: 'Exportar todos os dados',
    exportHint:
      'Um ZIP com cada cliente, documento, pagamento, modelo, pedido de suporte, e-mail e registro de auditoria, e todos os PDFs e anexos. É preparado em segundo plano e você recebe um e-mail quando estiver pronto; o link de download vale por 7 dias.',
    exportButton: 'Exportar todos os dados',
    running: (p: number): string => `Preparando a exportação… ${p}%`,
    recent: 'Exportações recentes',
    none: 'Nenhuma exportação ainda.',
    statusLabel: 'Situação',
    status: { queued: 'Na fila', running: 'Em preparação', ready: 'Pronta', failed: 'Falhou' },
    size: 'Tamanho',
    requested: 'Pedida em',
    expires: 'Link expira em',
    download: 'Baixar',
    expired: 'Expirada',
    failed: (reason: string): string => `Falhou: ${reason}`,
    importTitle: 'Importar de uma exportação',
    importHint:
      'Carrega uma exportação do Clientele nesta empresa, com novos ids para cada registro. Só é possível enquanto a empresa não tem clientes nem documentos.',
    importFile: 'Arquivo da exportação (ZIP)',
    importButton: 'Importar',
    imported: (clients: number, documents: number): string =>
      `Importados ${clients} clientes e ${documents} documentos.`,
    importOnlyEmpty:
      'Só é possível importar uma exportação enquanto a empresa não tem clientes nem documentos.',
  },
};
