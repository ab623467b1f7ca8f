/** Taking a business's data out and back in: refusals and the "export ready" email. */
export const dataProblemsRu = {
  importNotEmpty:
    'Выгрузку можно загрузить только в пустую организацию; здесь уже есть клиенты или документы',
  notAnExport: 'Этот файл не выгрузка Clientele (ZIP с manifest.json)',
  exportVersionUnknown: 'Эта выгрузка сделана версией Clientele, которую эта версия прочитать не может',
  missingInArchive: 'Этого файла нет в архиве',
  notInArchive: 'Ссылка на запись, которой нет в архиве',
  exportNotReady: 'Выгрузка ещё не готова',
  exportExpired: 'Срок выгрузки истёк; запустите новую',
  sendZip: 'Отправьте выгрузку как application/zip',
};

/** The email telling a person their export is ready. */
export const exportMailRu = {
  subject: (business: string): string => `Выгрузка данных «${business}» готова`,
  ready: (business: string): string =>
    `Запрошенная выгрузка всех данных «${business}» готова: один ZIP со всеми клиентами, документами, платежами, обращениями, письмами и журналом действий, а также всеми PDF и вложениями.`,
  expires: (days: number): string =>
    `Скачайте её в разделе «Данные» настроек в течение ${days} дней; потом файл будет удалён.`,
  open: 'Открыть раздел «Данные»',
};
