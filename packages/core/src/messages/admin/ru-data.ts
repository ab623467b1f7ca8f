/** The admin app's Data screen: export everything, download it, import an export. */
export const dataRu = {
  data: {
    title: 'Данные',
    link: 'Данные: выгрузка и загрузка',
    exportTitle: 'Выгрузить все данные',
    exportHint:
      'Один ZIP со всеми клиентами, документами, платежами, шаблонами, обращениями, письмами и журналом действий, а также всеми PDF и вложениями. Готовится в фоне, когда будет готов, придёт письмо; ссылка на скачивание действует 7 дней.',
    exportButton: 'Выгрузить все данные',
    running: (p: number): string => `Готовим выгрузку… ${p}%`,
    recent: 'Недавние выгрузки',
    none: 'Выгрузок пока нет.',
    statusLabel: 'Состояние',
    status: { queued: 'В очереди', running: 'Готовится', ready: 'Готова', failed: 'Ошибка' },
    size: 'Размер',
    requested: 'Запрошена',
    expires: 'Ссылка действует до',
    download: 'Скачать',
    expired: 'Срок истёк',
    failed: (reason: string): string => `Ошибка: ${reason}`,
    importTitle: 'Загрузить из выгрузки',
    importHint:
      'Загружает выгрузку Clientele в эту организацию; каждая запись получает новый идентификатор. Возможно, только пока в организации нет клиентов и документов.',
    importFile: 'Файл выгрузки (ZIP)',
    importButton: 'Загрузить',
    imported: (clients: number, documents: number): string =>
      `Загружено клиентов: ${clients}, документов: ${documents}.`,
    importOnlyEmpty: 'Загрузить выгрузку можно, только пока в организации нет клиентов и документов.',
  },
};
