/** Taking a business's data out and back in: refusals and the "export ready" email. */
export const dataProblemsJa = {
  importNotEmpty: 'エクスポートは空の事業者にのみ読み込めます。この事業者にはすでに顧客か書類があります',
  notAnExport: 'このファイルは Clientele のエクスポート（manifest.json を含む ZIP）ではありません',
  exportVersionUnknown:
    'このエクスポートは、このバージョンの Clientele では読めないバージョンで作成されています',
  missingInArchive: 'このファイルがアーカイブにありません',
  notInArchive: 'アーカイブにない行を参照しています',
  exportNotReady: 'このエクスポートはまだ準備ができていません',
  exportExpired: 'このエクスポートは期限切れです。新しく開始してください',
  sendZip: 'エクスポートは application/zip として送信してください',
};

/** The email telling a person their export is ready. */
export const exportMailJa = {
  subject: (business: string): string => `${business} のエクスポートの準備ができました`,
  ready: (business: string): string =>
    `ご依頼の ${business} の全データのエクスポートができました。すべての顧客、書類、支払い、問い合わせ、メール、監査ログと、すべての PDF と添付ファイルを含む ZIP ファイルです。`,
  expires: (days: number): string =>
    `設定の「データ」ページから ${days} 日以内にダウンロードしてください。その後ファイルは削除されます。`,
  open: '「データ」ページを開く',
};
