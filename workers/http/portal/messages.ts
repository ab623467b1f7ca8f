import type { Language } from '../../services/reference/iso';

export interface PortalMessages {
  continueTitle: string;
  continueText: (business: string) => string;
  continueButton: string;
  linkUnusable: Record<'unknown' | 'expired' | 'revoked', string>;
  askBusiness: (business: string) => string;
  signedOut: string;
  openLink: string;
  statement: string;
  totalInvoiced: string;
  totalPaid: string;
  totalOwed: string;
  overdue: string;
  nothingYet: string;
  signOut: string;
  invoices: string;
  number: string;
  issued: string;
  due: string;
  status: string;
  total: string;
  amountDue: string;
  allStatuses: string;
  next: string;
  previous: string;
  statusName: Record<'sent' | 'viewed' | 'partial' | 'paid' | 'void' | 'overdue', string>;
}

/** Every word the portal shows, per language; pages never hard-code text. */
export const PORTAL_MESSAGES: Record<Language, PortalMessages> = {
  en: {
    continueTitle: 'Your invoices',
    continueText: (b) => `Continue to see your invoices and statement from ${b}.`,
    continueButton: 'Continue to your invoices',
    linkUnusable: {
      unknown: 'This sign-in link is not valid.',
      expired: 'This sign-in link has expired.',
      revoked: 'This sign-in link is no longer active.',
    },
    askBusiness: (b) => `Ask ${b} for a new link, or use the link in their most recent email.`,
    signedOut: 'You are signed out.',
    openLink: 'Open the link from your email to see your invoices.',
    statement: 'Statement',
    totalInvoiced: 'Invoiced',
    totalPaid: 'Paid',
    totalOwed: 'Owed',
    overdue: 'Overdue',
    nothingYet: 'No invoices yet.',
    signOut: 'Sign out',
    invoices: 'Invoices',
    number: 'Number',
    issued: 'Issued',
    due: 'Due',
    status: 'Status',
    total: 'Total',
    amountDue: 'Amount due',
    allStatuses: 'All',
    next: 'Next',
    previous: 'Previous',
    statusName: {
      sent: 'Open',
      viewed: 'Open',
      partial: 'Partly paid',
      paid: 'Paid',
      void: 'Void',
      overdue: 'Overdue',
    },
  },
  ru: {
    continueTitle: 'Ваши счета',
    continueText: (b) => `Продолжите, чтобы увидеть счета и выписку от ${b}.`,
    continueButton: 'Перейти к счетам',
    linkUnusable: {
      unknown: 'Ссылка для входа недействительна.',
      expired: 'Срок действия ссылки истёк.',
      revoked: 'Ссылка для входа отозвана.',
    },
    askBusiness: (b) => `Попросите у ${b} новую ссылку или откройте ссылку из последнего письма.`,
    signedOut: 'Вы вышли.',
    openLink: 'Откройте ссылку из письма, чтобы увидеть свои счета.',
    statement: 'Выписка',
    totalInvoiced: 'Выставлено',
    totalPaid: 'Оплачено',
    totalOwed: 'К оплате',
    overdue: 'Просрочено',
    nothingYet: 'Счетов пока нет.',
    signOut: 'Выйти',
    invoices: 'Счета',
    number: 'Номер',
    issued: 'Выставлен',
    due: 'Оплатить до',
    status: 'Статус',
    total: 'Сумма',
    amountDue: 'К оплате',
    allStatuses: 'Все',
    next: 'Далее',
    previous: 'Назад',
    statusName: {
      sent: 'Ожидает оплаты',
      viewed: 'Ожидает оплаты',
      partial: 'Оплачен частично',
      paid: 'Оплачен',
      void: 'Аннулирован',
      overdue: 'Просрочен',
    },
  },
  pt: {
    continueTitle: 'As suas faturas',
    continueText: (b) => `Continue para ver as suas faturas e o extrato de ${b}.`,
    continueButton: 'Continuar para as faturas',
    linkUnusable: {
      unknown: 'Este link de acesso não é válido.',
      expired: 'Este link de acesso expirou.',
      revoked: 'Este link de acesso foi revogado.',
    },
    askBusiness: (b) => `Peça um novo link a ${b} ou use o link do e-mail mais recente.`,
    signedOut: 'Sessão terminada.',
    openLink: 'Abra o link do seu e-mail para ver as suas faturas.',
    statement: 'Extrato',
    totalInvoiced: 'Faturado',
    totalPaid: 'Pago',
    totalOwed: 'Em dívida',
    overdue: 'Vencido',
    nothingYet: 'Ainda não há faturas.',
    signOut: 'Sair',
    invoices: 'Faturas',
    number: 'Número',
    issued: 'Emitida',
    due: 'Vencimento',
    status: 'Estado',
    total: 'Total',
    amountDue: 'Em dívida',
    allStatuses: 'Todas',
    next: 'Seguinte',
    previous: 'Anterior',
    statusName: {
      sent: 'Em aberto',
      viewed: 'Em aberto',
      partial: 'Paga parcialmente',
      paid: 'Paga',
      void: 'Anulada',
      overdue: 'Vencida',
    },
  },
  it: {
    continueTitle: 'Le tue fatture',
    continueText: (b) => `Continua per vedere le fatture e l’estratto conto di ${b}.`,
    continueButton: 'Vai alle tue fatture',
    linkUnusable: {
      unknown: 'Questo link di accesso non è valido.',
      expired: 'Questo link di accesso è scaduto.',
      revoked: 'Questo link di accesso non è più attivo.',
    },
    askBusiness: (b) => `Chiedi a ${b} un nuovo link o usa quello dell’email più recente.`,
    signedOut: 'Sei uscito.',
    openLink: 'Apri il link dalla tua email per vedere le fatture.',
    statement: 'Estratto conto',
    totalInvoiced: 'Fatturato',
    totalPaid: 'Pagato',
    totalOwed: 'Da pagare',
    overdue: 'Scaduto',
    nothingYet: 'Nessuna fattura.',
    signOut: 'Esci',
    invoices: 'Fatture',
    number: 'Numero',
    issued: 'Emessa',
    due: 'Scadenza',
    status: 'Stato',
    total: 'Totale',
    amountDue: 'Da pagare',
    allStatuses: 'Tutte',
    next: 'Avanti',
    previous: 'Indietro',
    statusName: {
      sent: 'Aperta',
      viewed: 'Aperta',
      partial: 'Pagata in parte',
      paid: 'Pagata',
      void: 'Annullata',
      overdue: 'Scaduta',
    },
  },
  ja: {
    continueTitle: '請求書',
    continueText: (b) => `${b} からの請求書と取引明細をご確認いただけます。`,
    continueButton: '請求書を表示',
    linkUnusable: {
      unknown: 'このログインリンクは無効です。',
      expired: 'このログインリンクの有効期限が切れています。',
      revoked: 'このログインリンクは無効化されました。',
    },
    askBusiness: (b) => `${b} に新しいリンクをご依頼いただくか、最新のメールのリンクをご利用ください。`,
    signedOut: 'ログアウトしました。',
    openLink: 'メールのリンクから請求書をご確認ください。',
    statement: '取引明細',
    totalInvoiced: '請求額',
    totalPaid: 'お支払済み',
    totalOwed: '未払残高',
    overdue: '期限超過',
    nothingYet: '請求書はまだありません。',
    signOut: 'ログアウト',
    invoices: '請求書',
    number: '番号',
    issued: '発行日',
    due: 'お支払期限',
    status: '状況',
    total: '合計',
    amountDue: '未払額',
    allStatuses: 'すべて',
    next: '次へ',
    previous: '前へ',
    statusName: {
      sent: '未払い',
      viewed: '未払い',
      partial: '一部入金',
      paid: '支払済',
      void: '無効',
      overdue: '期限超過',
    },
  },
};
