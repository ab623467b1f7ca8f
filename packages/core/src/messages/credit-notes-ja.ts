/** Credit notes and the client's credit balance: refusals, portal and PDF words, the email. */
export const creditNotesJa = {
  problems: {
    creditNoteNotFound: 'このクレジットノートは見つかりません',
    sendBeforeCrediting: '請求書を送付してから減額してください。下書きはまだ編集できます',
    voidNotCreditable: '無効にした請求書には残高がないため、減額できません',
    moreThanCreditable: (left: string) => `この請求書でまだ減額できる金額（${left}）を超えています`,
    noSuchInvoiceLine: (n: number) => `この請求書に ${n} 行目はありません`,
    lineChosenTwice: '各行は一度だけ選んでください',
    lineAlreadyCredited: (n: number) => `${n} 行目は以前のクレジットノートですでに取り消されています`,
    paymentMovedToCredit:
      'クレジットノートによりこの支払いは顧客のクレジットになっています。二重に計上されるため削除できません',
    linesOrAmount: '行か金額のどちらか一方を選んでください',
    moreThanCredit: (left: string) => `この通貨の顧客クレジット残高（${left}）を超えています`,
    creditOnlyOpenInvoice: 'クレジットは未払い残高のある発行済み請求書にのみ充当できます',
    creditInUse: 'このクレジットの一部は使用済みのため、Stripe で全額を返金できません',
    creditSettlementKept: 'この金額はクレジットノートまたは顧客クレジットで精算済みのため、請求書に残ります',
  },
  portal: {
    creditNotesHeading: 'クレジットノート',
    creditNoteHeading: (n: string) => `クレジットノート ${n}`,
    creditNoteAgainst: (n: string) => `請求書 ${n} に対するもの`,
    creditNoteReason: '理由',
  },
  document: {
    creditBalance: 'クレジット残高',
    creditReason: '減額の理由',
    creditNoteTitle: 'クレジットノート（減額通知書）',
    creditedInvoice: '対象の請求書',
    invoiceDate: '請求日',
    creditAtRate: (rate: string) => `税率 ${rate} 分の減額`,
    totalCredited: '減額合計',
  },
  email: {
    subject: '{{business.name}} よりクレジットノート {{document.number}}',
    body: '{{client.name}} 様\n\n請求書 {{invoice.number}} を訂正するクレジットノート {{document.number}}（{{document.total}}）を添付いたします。\n\n書類はオンラインでもご確認いただけます: {{portalLink}}\n\nよろしくお願いいたします。\n{{business.name}}',
  },
};
