import type { Language } from '../languages';

interface ClosingWords {
  subject: (business: string) => string;
  closed: (business: string, by: string) => string;
  removal: string;
  export: string;
}

/** The email every owner gets when a business is closed, in their language. */
export const CLOSING_WORDS: Record<Language, ClosingWords> = {
  en: {
    subject: (b) => `${b} was closed`,
    closed: (b, by) =>
      `${by} closed the business “${b}” on Clientele. Everyone was signed out and client portal links no longer work.`,
    removal: 'Its clients, documents, payments, tickets and files are removed for good within 24 hours.',
    export: 'If this was not you, reply to this email at once.',
  },
  ru: {
    subject: (b) => `Компания «${b}» закрыта`,
    closed: (b, by) =>
      `${by} закрыл(а) компанию «${b}» в Clientele. Все пользователи вышли из системы, ссылки клиентского портала больше не работают.`,
    removal:
      'Её клиенты, документы, платежи, обращения и файлы будут безвозвратно удалены в течение 24 часов.',
    export: 'Если это сделали не вы, немедленно ответьте на это письмо.',
  },
  pt: {
    subject: (b) => `${b} foi encerrada`,
    closed: (b, by) =>
      `${by} encerrou a empresa «${b}» no Clientele. Todas as sessões foram terminadas e os links do portal de clientes deixaram de funcionar.`,
    removal:
      'Os clientes, documentos, pagamentos, pedidos de suporte e ficheiros serão apagados definitivamente dentro de 24 horas.',
    export: 'Se não foi você, responda a este email imediatamente.',
  },
  it: {
    subject: (b) => `${b} è stata chiusa`,
    closed: (b, by) =>
      `${by} ha chiuso l’azienda «${b}» su Clientele. Tutti sono stati disconnessi e i link del portale clienti non funzionano più.`,
    removal:
      'Clienti, documenti, pagamenti, richieste di assistenza e file verranno eliminati definitivamente entro 24 ore.',
    export: 'Se non sei stato tu, rispondi subito a questa email.',
  },
  ja: {
    subject: (b) => `${b} は閉鎖されました`,
    closed: (b, by) =>
      `${by} が Clientele の事業者「${b}」を閉鎖しました。全員がサインアウトされ、クライアントポータルのリンクは無効になりました。`,
    removal: '顧客、書類、支払い、問い合わせ、ファイルは24時間以内に完全に削除されます。',
    export: 'お心当たりがない場合は、すぐにこのメールに返信してください。',
  },
};
