/** The admin app's Data screen: export everything, download it, import an export. */
export const dataJa = {
  data: {
    title: 'データ',
    link: 'データ: エクスポートと読み込み',
    exportTitle: 'すべてのデータをエクスポート',
    exportHint:
      'すべての顧客、書類、支払い、テンプレート、問い合わせ、メール、監査ログと、すべての PDF・添付ファイルを 1 つの ZIP にまとめます。バックグラウンドで作成し、完了したらメールでお知らせします。ダウンロードリンクは 7 日間有効です。',
    exportButton: 'すべてのデータをエクスポート',
    running: (p: number): string => `エクスポートを準備中… ${p}%`,
    recent: '最近のエクスポート',
    none: 'エクスポートはまだありません。',
    statusLabel: '状態',
    status: { queued: '待機中', running: '準備中', ready: '完了', failed: '失敗' },
    size: 'サイズ',
    requested: '依頼日時',
    expires: 'リンクの有効期限',
    download: 'ダウンロード',
    expired: '期限切れ',
    failed: (reason: string): string => `失敗: ${reason}`,
    importTitle: 'エクスポートから読み込む',
    importHint:
      'Clientele のエクスポートをこの事業者に読み込みます。すべての行に新しい ID が付きます。顧客も書類もまだない間だけ可能です。',
    importFile: 'エクスポートファイル（ZIP）',
    importButton: '読み込む',
    imported: (clients: number, documents: number): string =>
      `顧客 ${clients} 件、書類 ${documents} 件を読み込みました。`,
    importOnlyEmpty: 'エクスポートの読み込みは、顧客も書類もまだない間だけ可能です。',
  },
};
