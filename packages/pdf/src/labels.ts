import type { Language, StatementStatus } from '@clientele/core';

/** Documents print in every language the product speaks. */
export type DocumentLanguage = Language;

export interface Labels {
  invoice: string;
  estimate: string;
  statement: string;
  number: string;
  issueDate: string;
  dueDate: string;
  validUntil: string;
  from: string;
  billTo: string;
  taxId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  tax: string;
  amount: string;
  subtotal: string;
  discount: string;
  taxAt: (rate: string, inclusive: boolean) => string;
  total: string;
  amountPaid: string;
  balanceDue: string;
  notes: string;
  viewAndPay: string;
  page: (n: number, of: number) => string;
  stamp: Record<'PAID' | 'VOID' | 'OVERDUE' | 'DRAFT', string>;
  statementDate: string;
  currency: string;
  totalInvoiced: string;
  outstanding: string;
  overdue: string;
  status: Record<StatementStatus | 'overdue', string>;
  noInvoices: string;
}

/** Every word printed on a document, per language; nothing is hard-coded in the layout. */
export const LABELS: Record<DocumentLanguage, Labels> = {
  en: {
    invoice: 'Invoice',
    estimate: 'Estimate',
    statement: 'Statement',
    number: 'Number',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    validUntil: 'Valid until',
    from: 'From',
    billTo: 'Bill to',
    taxId: 'Tax ID',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    tax: 'Tax',
    amount: 'Amount',
    subtotal: 'Subtotal',
    discount: 'Discount',
    taxAt: (r, incl) => `Tax ${r}${incl ? ' (included)' : ''}`,
    total: 'Total',
    amountPaid: 'Amount paid',
    balanceDue: 'Balance due',
    notes: 'Notes',
    viewAndPay: 'View and pay online',
    page: (n, of) => `Page ${n} of ${of}`,
    stamp: { PAID: 'PAID', VOID: 'VOID', OVERDUE: 'OVERDUE', DRAFT: 'DRAFT' },
    statementDate: 'Statement date',
    currency: 'Currency',
    totalInvoiced: 'Invoiced',
    outstanding: 'Outstanding',
    overdue: 'Overdue',
    status: { sent: 'Open', viewed: 'Open', partial: 'Partly paid', paid: 'Paid', overdue: 'Overdue' },
    noInvoices: 'No invoices yet.',
  },
  ru: {
    invoice: 'Счёт',
    estimate: 'Смета',
    statement: 'Выписка',
    number: 'Номер',
    issueDate: 'Дата выставления',
    dueDate: 'Оплатить до',
    validUntil: 'Действительна до',
    from: 'Исполнитель',
    billTo: 'Плательщик',
    taxId: 'ИНН',
    description: 'Описание',
    quantity: 'Кол-во',
    unitPrice: 'Цена',
    tax: 'Налог',
    amount: 'Сумма',
    subtotal: 'Промежуточный итог',
    discount: 'Скидка',
    taxAt: (r, incl) => `Налог ${r}${incl ? ' (включён)' : ''}`,
    total: 'Итого',
    amountPaid: 'Оплачено',
    balanceDue: 'К оплате',
    notes: 'Примечания',
    viewAndPay: 'Посмотреть и оплатить онлайн',
    page: (n, of) => `Страница ${n} из ${of}`,
    stamp: { PAID: 'ОПЛАЧЕН', VOID: 'АННУЛИРОВАН', OVERDUE: 'ПРОСРОЧЕН', DRAFT: 'ЧЕРНОВИК' },
    statementDate: 'Дата выписки',
    currency: 'Валюта',
    totalInvoiced: 'Выставлено',
    outstanding: 'Задолженность',
    overdue: 'Просрочено',
    status: {
      sent: 'Ожидает оплаты',
      viewed: 'Ожидает оплаты',
      partial: 'Оплачен частично',
      paid: 'Оплачен',
      overdue: 'Просрочен',
    },
    noInvoices: 'Счетов пока нет.',
  },
  pt: {
    invoice: 'Fatura',
    estimate: 'Orçamento',
    statement: 'Extrato',
    number: 'Número',
    issueDate: 'Data de emissão',
    dueDate: 'Data de vencimento',
    validUntil: 'Válido até',
    from: 'De',
    billTo: 'Faturar a',
    taxId: 'NIF',
    description: 'Descrição',
    quantity: 'Qtd.',
    unitPrice: 'Preço unitário',
    tax: 'Imposto',
    amount: 'Valor',
    subtotal: 'Subtotal',
    discount: 'Desconto',
    taxAt: (r, incl) => `Imposto ${r}${incl ? ' (incluído)' : ''}`,
    total: 'Total',
    amountPaid: 'Valor pago',
    balanceDue: 'Saldo a pagar',
    notes: 'Observações',
    viewAndPay: 'Ver e pagar online',
    page: (n, of) => `Página ${n} de ${of}`,
    stamp: { PAID: 'PAGO', VOID: 'ANULADA', OVERDUE: 'VENCIDA', DRAFT: 'RASCUNHO' },
    statementDate: 'Data do extrato',
    currency: 'Moeda',
    totalInvoiced: 'Faturado',
    outstanding: 'Em aberto',
    overdue: 'Vencido',
    status: {
      sent: 'Em aberto',
      viewed: 'Em aberto',
      partial: 'Pago parcialmente',
      paid: 'Pago',
      overdue: 'Vencida',
    },
    noInvoices: 'Ainda não há faturas.',
  },
  it: {
    invoice: 'Fattura',
    estimate: 'Preventivo',
    statement: 'Estratto conto',
    number: 'Numero',
    issueDate: 'Data di emissione',
    dueDate: 'Scadenza',
    validUntil: 'Valido fino al',
    from: 'Da',
    billTo: 'Intestata a',
    taxId: 'P. IVA',
    description: 'Descrizione',
    quantity: 'Qtà',
    unitPrice: 'Prezzo unitario',
    tax: 'IVA',
    amount: 'Importo',
    subtotal: 'Imponibile',
    discount: 'Sconto',
    taxAt: (r, incl) => `IVA ${r}${incl ? ' (inclusa)' : ''}`,
    total: 'Totale',
    amountPaid: 'Importo pagato',
    balanceDue: 'Saldo da pagare',
    notes: 'Note',
    viewAndPay: 'Visualizza e paga online',
    page: (n, of) => `Pagina ${n} di ${of}`,
    stamp: { PAID: 'PAGATA', VOID: 'ANNULLATA', OVERDUE: 'SCADUTA', DRAFT: 'BOZZA' },
    statementDate: 'Data estratto',
    currency: 'Valuta',
    totalInvoiced: 'Fatturato',
    outstanding: 'Da incassare',
    overdue: 'Scaduto',
    status: {
      sent: 'Aperta',
      viewed: 'Aperta',
      partial: 'Pagata in parte',
      paid: 'Pagata',
      overdue: 'Scaduta',
    },
    noInvoices: 'Nessuna fattura.',
  },
  ja: {
    invoice: '請求書',
    estimate: '見積書',
    statement: '取引明細書',
    number: '番号',
    issueDate: '発行日',
    dueDate: 'お支払期限',
    validUntil: '有効期限',
    from: '発行者',
    billTo: '請求先',
    taxId: '登録番号',
    description: '品目',
    quantity: '数量',
    unitPrice: '単価',
    tax: '税率',
    amount: '金額',
    subtotal: '小計',
    discount: '値引き',
    taxAt: (r, incl) => `消費税 ${r}${incl ? '（内税）' : ''}`,
    total: '合計',
    amountPaid: 'お支払済み',
    balanceDue: 'ご請求残高',
    notes: '備考',
    viewAndPay: 'オンラインで確認・お支払い',
    page: (n, of) => `${n} / ${of} ページ`,
    stamp: { PAID: '支払済', VOID: '無効', OVERDUE: '期限超過', DRAFT: '下書き' },
    statementDate: '明細書発行日',
    currency: '通貨',
    totalInvoiced: '請求額',
    outstanding: '未払残高',
    overdue: '期限超過',
    status: { sent: '未払い', viewed: '未払い', partial: '一部入金', paid: '支払済', overdue: '期限超過' },
    noInvoices: '請求書はまだありません。',
  },
};
