import { paymentsJa } from './payments-ja';

export const emailTemplatesJa = {
  credit_note: paymentsJa.creditNoteEmail,
  invoice: {
    subject: '{{business.name}} より請求書 {{document.number}} のご送付',
    body: '{{client.name}} 様\n\n請求書 {{document.number}}（ご請求額 {{document.total}}、お支払期限 {{document.dueDate}}）をお送りいたします。\n\nオンラインでの確認・お支払い: {{portalLink}}\n\n{{business.name}}',
  },
  estimate: {
    subject: '{{business.name}} よりお見積書 {{document.number}} のご送付',
    body: '{{client.name}} 様\n\nお見積書 {{document.number}}（{{document.total}}）をお送りいたします。\n\nオンラインでの確認・ご承認: {{portalLink}}\n\n{{business.name}}',
  },
  reminder: {
    subject: '【ご確認】請求書 {{document.number}} のお支払期限を過ぎています',
    body: '{{client.name}} 様\n\n請求書 {{document.number}} のお支払期限（{{document.dueDate}}）を過ぎております。未払残高は {{document.amountDue}} です。\n\nオンラインでのお支払い: {{portalLink}}\n\n{{business.name}}',
  },
  receipt: {
    subject: '請求書 {{document.number}} のご入金を確認しました',
    body: '{{client.name}} 様\n\n請求書 {{document.number}} のご入金を確認いたしました。ありがとうございます。残高: {{document.amountDue}}\n\n{{business.name}}',
  },
  ticket_reply: {
    subject: 'Re: {{ticket.subject}}',
    body: '{{client.name}} 様\n\n{{message.body}}\n\nこのメールに返信するか、こちらからご確認ください: {{portalLink}}\n\n{{business.name}}',
  },
  portal_link: {
    subject: '{{business.name}} ログインリンクのご案内',
    body: '{{client.name}} 様\n\n{{business.name}} からの請求書は、こちらのリンクからご確認いただけます: {{portalLink}}\n\nお心当たりのない場合は、このメールを破棄してください。',
  },
};
