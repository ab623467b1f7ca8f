import type { EstimateViewStatus, IssuedInvoiceStatus, Language } from '@clientele/core';

export interface PortalMessages {
  continueTitle: string;
  continueText: (business: string) => string;
  continueButton: string;
  linkUnusable: Record<'unknown' | 'expired' | 'revoked', string>;
  /** The business is not named: the page must not tell whether a link exists. */
  askForNewLink: string;
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
  estimates: string;
  estimate: string;
  invoice: string;
  validUntil: string;
  accept: string;
  reject: string;
  rejectReason: string;
  decisionThanks: (business: string) => string;
  estimateStatusName: Record<Exclude<EstimateViewStatus, 'draft'>, string>;
  noEstimates: string;
  from: string;
  billTo: string;
  taxId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  subtotal: string;
  discount: string;
  tax: (rate: string) => string;
  amountPaid: string;
  notes: string;
  downloadPdf: string;
  payNow: string;
  payUnavailable: string;
  back: string;
  select: (number: string) => string;
  selectAll: string;
  downloadSelected: string;
  noneSelected: string;
  downloadStatement: string;
  recentActivity: string;
  emailNewLink: string;
  newLinkSent: string;
  tooMany: string;
  language: string;
  notFound: string;
  pageNotFound: string;
  somethingWrong: string;
  recentPayments: string;
  paymentFor: (number: string) => string;
  yourEmail: string;
  sendSignInLink: string;
  signInLinkSent: string;
  statusName: Record<IssuedInvoiceStatus | 'overdue', string>;
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
    askForNewLink:
      'Ask the business that sent it for a new link, use the link in their most recent email, or have a new one emailed to you.',
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
    estimates: 'Estimates',
    estimate: 'Estimate',
    invoice: 'Invoice',
    validUntil: 'Valid until',
    accept: 'Accept estimate',
    reject: 'Decline',
    rejectReason: 'Reason (optional)',
    decisionThanks: (b) => `Thank you — ${b} has your answer.`,
    estimateStatusName: {
      sent: 'Awaiting your answer',
      accepted: 'Accepted',
      rejected: 'Declined',
      expired: 'Expired',
    },
    noEstimates: 'No estimates yet.',
    from: 'From',
    billTo: 'Bill to',
    taxId: 'Tax ID',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
    subtotal: 'Subtotal',
    discount: 'Discount',
    tax: (r) => `Tax ${r}`,
    amountPaid: 'Paid',
    notes: 'Notes',
    downloadPdf: 'Download PDF',
    payNow: 'Pay now',
    payUnavailable: 'Online payment is not available yet for this business.',
    back: 'All invoices',
    select: (n) => `Select ${n}`,
    selectAll: 'Select all',
    downloadSelected: 'Download selected (ZIP)',
    noneSelected: 'Select at least one invoice to download.',
    downloadStatement: 'Download statement (PDF)',
    recentActivity: 'Recent invoices',
    emailNewLink: 'Email me a new link',
    newLinkSent: 'If this link belongs to a client, a new link is on its way to the email address on file.',
    tooMany: 'Too many requests. Please try again later.',
    language: 'Language',
    notFound: 'This document is not available.',
    pageNotFound: 'There is no page at this address.',
    somethingWrong: 'Something went wrong on our side. Please try again in a moment.',
    yourEmail: 'Your email address',
    sendSignInLink: 'Email me a sign-in link',
    signInLinkSent: 'If this address belongs to a client, a sign-in link is on its way.',
    recentPayments: 'Recent payments',
    paymentFor: (n) => `Invoice ${n}`,
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
    askForNewLink:
      'Попросите новую ссылку у компании, которая её прислала, откройте ссылку из последнего письма или получите новую по почте.',
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
    estimates: 'Сметы',
    estimate: 'Смета',
    invoice: 'Счёт',
    validUntil: 'Действительна до',
    accept: 'Принять смету',
    reject: 'Отклонить',
    rejectReason: 'Причина (необязательно)',
    decisionThanks: (b) => `Спасибо — ${b} получит ваш ответ.`,
    estimateStatusName: {
      sent: 'Ожидает ответа',
      accepted: 'Принята',
      rejected: 'Отклонена',
      expired: 'Истекла',
    },
    noEstimates: 'Смет пока нет.',
    from: 'Поставщик',
    billTo: 'Плательщик',
    taxId: 'ИНН',
    description: 'Описание',
    quantity: 'Кол-во',
    unitPrice: 'Цена',
    amount: 'Сумма',
    subtotal: 'Подытог',
    discount: 'Скидка',
    tax: (r) => `Налог ${r}`,
    amountPaid: 'Оплачено',
    notes: 'Примечания',
    downloadPdf: 'Скачать PDF',
    payNow: 'Оплатить',
    payUnavailable: 'Онлайн-оплата у этой компании пока недоступна.',
    back: 'Все счета',
    select: (n) => `Выбрать ${n}`,
    selectAll: 'Выбрать все',
    downloadSelected: 'Скачать выбранные (ZIP)',
    noneSelected: 'Выберите хотя бы один счёт.',
    downloadStatement: 'Скачать выписку (PDF)',
    recentActivity: 'Последние счета',
    emailNewLink: 'Прислать новую ссылку',
    newLinkSent: 'Если ссылка принадлежит клиенту, новая ссылка уже отправлена на его адрес.',
    tooMany: 'Слишком много запросов. Попробуйте позже.',
    language: 'Язык',
    notFound: 'Документ недоступен.',
    pageNotFound: 'По этому адресу страницы нет.',
    somethingWrong: 'У нас что-то пошло не так. Попробуйте ещё раз через минуту.',
    yourEmail: 'Ваш адрес электронной почты',
    sendSignInLink: 'Прислать ссылку для входа',
    signInLinkSent: 'Если этот адрес принадлежит клиенту, ссылка для входа уже отправлена.',
    recentPayments: 'Последние платежи',
    paymentFor: (n) => `Счёт ${n}`,
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
    askForNewLink:
      'Peça um novo link à empresa que o enviou, use o link do e-mail mais recente ou receba um novo por e-mail.',
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
    estimates: 'Orçamentos',
    estimate: 'Orçamento',
    invoice: 'Fatura',
    validUntil: 'Válido até',
    accept: 'Aceitar orçamento',
    reject: 'Recusar',
    rejectReason: 'Motivo (opcional)',
    decisionThanks: (b) => `Obrigado — ${b} recebeu a sua resposta.`,
    estimateStatusName: {
      sent: 'A aguardar resposta',
      accepted: 'Aceite',
      rejected: 'Recusado',
      expired: 'Expirado',
    },
    noEstimates: 'Ainda não há orçamentos.',
    from: 'De',
    billTo: 'Faturar a',
    taxId: 'NIF',
    description: 'Descrição',
    quantity: 'Qtd.',
    unitPrice: 'Preço unitário',
    amount: 'Valor',
    subtotal: 'Subtotal',
    discount: 'Desconto',
    tax: (r) => `IVA ${r}`,
    amountPaid: 'Pago',
    notes: 'Notas',
    downloadPdf: 'Descarregar PDF',
    payNow: 'Pagar agora',
    payUnavailable: 'O pagamento online ainda não está disponível para esta empresa.',
    back: 'Todas as faturas',
    select: (n) => `Selecionar ${n}`,
    selectAll: 'Selecionar todas',
    downloadSelected: 'Descarregar selecionadas (ZIP)',
    noneSelected: 'Selecione pelo menos uma fatura.',
    downloadStatement: 'Descarregar extrato (PDF)',
    recentActivity: 'Faturas recentes',
    emailNewLink: 'Enviar-me um novo link',
    newLinkSent: 'Se este link pertencer a um cliente, um novo link foi enviado para o e-mail registado.',
    tooMany: 'Demasiados pedidos. Tente mais tarde.',
    language: 'Idioma',
    notFound: 'Este documento não está disponível.',
    pageNotFound: 'Não existe nenhuma página neste endereço.',
    somethingWrong: 'Algo correu mal do nosso lado. Tente novamente daqui a pouco.',
    yourEmail: 'O seu endereço de e-mail',
    sendSignInLink: 'Enviar-me um link de acesso',
    signInLinkSent: 'Se este endereço pertencer a um cliente, um link de acesso foi enviado.',
    recentPayments: 'Pagamentos recentes',
    paymentFor: (n) => `Fatura ${n}`,
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
    askForNewLink:
      'Chiedi un nuovo link all’attività che te lo ha inviato, usa quello dell’email più recente o fattene inviare uno nuovo.',
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
    estimates: 'Preventivi',
    estimate: 'Preventivo',
    invoice: 'Fattura',
    validUntil: 'Valido fino al',
    accept: 'Accetta preventivo',
    reject: 'Rifiuta',
    rejectReason: 'Motivo (facoltativo)',
    decisionThanks: (b) => `Grazie — ${b} ha ricevuto la tua risposta.`,
    estimateStatusName: {
      sent: 'In attesa di risposta',
      accepted: 'Accettato',
      rejected: 'Rifiutato',
      expired: 'Scaduto',
    },
    noEstimates: 'Nessun preventivo.',
    from: 'Da',
    billTo: 'Intestata a',
    taxId: 'P. IVA',
    description: 'Descrizione',
    quantity: 'Qtà',
    unitPrice: 'Prezzo unitario',
    amount: 'Importo',
    subtotal: 'Imponibile',
    discount: 'Sconto',
    tax: (r) => `IVA ${r}`,
    amountPaid: 'Pagato',
    notes: 'Note',
    downloadPdf: 'Scarica PDF',
    payNow: 'Paga ora',
    payUnavailable: 'Il pagamento online non è ancora disponibile per questa attività.',
    back: 'Tutte le fatture',
    select: (n) => `Seleziona ${n}`,
    selectAll: 'Seleziona tutte',
    downloadSelected: 'Scarica selezionate (ZIP)',
    noneSelected: 'Seleziona almeno una fattura.',
    downloadStatement: 'Scarica estratto conto (PDF)',
    recentActivity: 'Fatture recenti',
    emailNewLink: 'Inviami un nuovo link',
    newLinkSent:
      'Se questo link appartiene a un cliente, un nuovo link è stato inviato all’indirizzo registrato.',
    tooMany: 'Troppe richieste. Riprova più tardi.',
    language: 'Lingua',
    notFound: 'Questo documento non è disponibile.',
    pageNotFound: "Non c'è nessuna pagina a questo indirizzo.",
    somethingWrong: 'Qualcosa è andato storto da parte nostra. Riprova tra poco.',
    yourEmail: 'Il tuo indirizzo email',
    sendSignInLink: 'Inviami un link di accesso',
    signInLinkSent: 'Se questo indirizzo appartiene a un cliente, un link di accesso è in arrivo.',
    recentPayments: 'Pagamenti recenti',
    paymentFor: (n) => `Fattura ${n}`,
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
    askForNewLink:
      'リンクを送った事業者に新しいリンクをご依頼いただくか、最新のメールのリンクをご利用いただくか、新しいリンクをメールで受け取ってください。',
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
    estimates: '見積書',
    estimate: '見積書',
    invoice: '請求書',
    validUntil: '有効期限',
    accept: '見積を承認',
    reject: '辞退',
    rejectReason: '理由（任意）',
    decisionThanks: (b) => `ありがとうございます。${b} にご回答が届きました。`,
    estimateStatusName: { sent: 'ご回答待ち', accepted: '承認済み', rejected: '辞退', expired: '期限切れ' },
    noEstimates: '見積書はまだありません。',
    from: '発行元',
    billTo: '請求先',
    taxId: '登録番号',
    description: '品目',
    quantity: '数量',
    unitPrice: '単価',
    amount: '金額',
    subtotal: '小計',
    discount: '値引き',
    tax: (r) => `消費税 ${r}`,
    amountPaid: 'お支払済み',
    notes: '備考',
    downloadPdf: 'PDFをダウンロード',
    payNow: '今すぐ支払う',
    payUnavailable: 'この事業者はまだオンライン決済に対応していません。',
    back: '請求書一覧',
    select: (n) => `${n} を選択`,
    selectAll: 'すべて選択',
    downloadSelected: '選択した請求書をダウンロード（ZIP）',
    noneSelected: 'ダウンロードする請求書を選択してください。',
    downloadStatement: '取引明細をダウンロード（PDF）',
    recentActivity: '最近の請求書',
    emailNewLink: '新しいリンクをメールで受け取る',
    newLinkSent: 'このリンクがお客様のものであれば、登録済みのメールアドレスに新しいリンクを送信しました。',
    tooMany: 'リクエストが多すぎます。しばらくしてからお試しください。',
    language: '言語',
    notFound: 'この書類は表示できません。',
    pageNotFound: 'このアドレスのページはありません。',
    somethingWrong: '問題が発生しました。しばらくしてからもう一度お試しください。',
    yourEmail: 'メールアドレス',
    sendSignInLink: 'ログインリンクをメールで受け取る',
    signInLinkSent: 'このアドレスがお客様のものであれば、ログインリンクを送信しました。',
    recentPayments: '最近のお支払い',
    paymentFor: (n) => `請求書 ${n}`,
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
