import type { Language } from '@clientele/core';

export const TEMPLATE_KINDS = [
  'invoice',
  'estimate',
  'reminder',
  'receipt',
  'ticket_reply',
  'portal_link',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface TemplateText {
  subject: string;
  body: string;
}

/**
 * Built-in wording for every kind in every language: what a business sends until it
 * writes its own. Bodies are plain text with {{variables}}; the HTML part is derived.
 */
export const BUILT_IN: Record<TemplateKind, Record<Language, TemplateText>> = {
  invoice: {
    en: {
      subject: 'Invoice {{document.number}} from {{business.name}}',
      body: 'Hello {{client.name}},\n\nPlease find attached invoice {{document.number}} for {{document.total}}, due on {{document.dueDate}}.\n\nView and pay online: {{portalLink}}\n\nThank you,\n{{business.name}}',
    },
    ru: {
      subject: 'Счёт {{document.number}} от {{business.name}}',
      body: 'Здравствуйте, {{client.name}}!\n\nНаправляем счёт {{document.number}} на сумму {{document.total}}. Срок оплаты — {{document.dueDate}}.\n\nПосмотреть и оплатить онлайн: {{portalLink}}\n\nСпасибо,\n{{business.name}}',
    },
    pt: {
      subject: 'Fatura {{document.number}} de {{business.name}}',
      body: 'Olá {{client.name}},\n\nSegue em anexo a fatura {{document.number}} no valor de {{document.total}}, com vencimento em {{document.dueDate}}.\n\nVer e pagar online: {{portalLink}}\n\nObrigado,\n{{business.name}}',
    },
    it: {
      subject: 'Fattura {{document.number}} da {{business.name}}',
      body: 'Gentile {{client.name}},\n\nin allegato la fattura {{document.number}} di {{document.total}}, con scadenza il {{document.dueDate}}.\n\nVisualizza e paga online: {{portalLink}}\n\nGrazie,\n{{business.name}}',
    },
    ja: {
      subject: '{{business.name}} より請求書 {{document.number}} のご送付',
      body: '{{client.name}} 様\n\n請求書 {{document.number}}（ご請求額 {{document.total}}、お支払期限 {{document.dueDate}}）をお送りいたします。\n\nオンラインでの確認・お支払い: {{portalLink}}\n\n{{business.name}}',
    },
  },
  estimate: {
    en: {
      subject: 'Estimate {{document.number}} from {{business.name}}',
      body: 'Hello {{client.name}},\n\nPlease find attached estimate {{document.number}} for {{document.total}}.\n\nReview and accept it online: {{portalLink}}\n\nBest regards,\n{{business.name}}',
    },
    ru: {
      subject: 'Смета {{document.number}} от {{business.name}}',
      body: 'Здравствуйте, {{client.name}}!\n\nНаправляем смету {{document.number}} на сумму {{document.total}}.\n\nПосмотреть и принять онлайн: {{portalLink}}\n\nС уважением,\n{{business.name}}',
    },
    pt: {
      subject: 'Orçamento {{document.number}} de {{business.name}}',
      body: 'Olá {{client.name}},\n\nSegue em anexo o orçamento {{document.number}} no valor de {{document.total}}.\n\nVer e aceitar online: {{portalLink}}\n\nCumprimentos,\n{{business.name}}',
    },
    it: {
      subject: 'Preventivo {{document.number}} da {{business.name}}',
      body: 'Gentile {{client.name}},\n\nin allegato il preventivo {{document.number}} di {{document.total}}.\n\nVisualizza e accetta online: {{portalLink}}\n\nCordiali saluti,\n{{business.name}}',
    },
    ja: {
      subject: '{{business.name}} よりお見積書 {{document.number}} のご送付',
      body: '{{client.name}} 様\n\nお見積書 {{document.number}}（{{document.total}}）をお送りいたします。\n\nオンラインでの確認・ご承認: {{portalLink}}\n\n{{business.name}}',
    },
  },
  reminder: {
    en: {
      subject: 'Reminder: invoice {{document.number}} is overdue',
      body: 'Hello {{client.name}},\n\nInvoice {{document.number}} was due on {{document.dueDate}} and {{document.amountDue}} is still open.\n\nPay online: {{portalLink}}\n\nThank you,\n{{business.name}}',
    },
    ru: {
      subject: 'Напоминание: счёт {{document.number}} просрочен',
      body: 'Здравствуйте, {{client.name}}!\n\nСрок оплаты счёта {{document.number}} истёк {{document.dueDate}}, к оплате остаётся {{document.amountDue}}.\n\nОплатить онлайн: {{portalLink}}\n\nСпасибо,\n{{business.name}}',
    },
    pt: {
      subject: 'Lembrete: a fatura {{document.number}} está vencida',
      body: 'Olá {{client.name}},\n\nA fatura {{document.number}} venceu em {{document.dueDate}} e ainda estão em aberto {{document.amountDue}}.\n\nPagar online: {{portalLink}}\n\nObrigado,\n{{business.name}}',
    },
    it: {
      subject: 'Promemoria: la fattura {{document.number}} è scaduta',
      body: 'Gentile {{client.name}},\n\nla fattura {{document.number}} è scaduta il {{document.dueDate}} e restano da pagare {{document.amountDue}}.\n\nPaga online: {{portalLink}}\n\nGrazie,\n{{business.name}}',
    },
    ja: {
      subject: '【ご確認】請求書 {{document.number}} のお支払期限を過ぎています',
      body: '{{client.name}} 様\n\n請求書 {{document.number}} のお支払期限（{{document.dueDate}}）を過ぎております。未払残高は {{document.amountDue}} です。\n\nオンラインでのお支払い: {{portalLink}}\n\n{{business.name}}',
    },
  },
  receipt: {
    en: {
      subject: 'Payment received for invoice {{document.number}}',
      body: 'Hello {{client.name}},\n\nThank you — we received your payment for invoice {{document.number}}. Balance remaining: {{document.amountDue}}.\n\n{{business.name}}',
    },
    ru: {
      subject: 'Оплата по счёту {{document.number}} получена',
      body: 'Здравствуйте, {{client.name}}!\n\nСпасибо, мы получили оплату по счёту {{document.number}}. Остаток к оплате: {{document.amountDue}}.\n\n{{business.name}}',
    },
    pt: {
      subject: 'Pagamento recebido da fatura {{document.number}}',
      body: 'Olá {{client.name}},\n\nObrigado — recebemos o seu pagamento da fatura {{document.number}}. Saldo restante: {{document.amountDue}}.\n\n{{business.name}}',
    },
    it: {
      subject: 'Pagamento ricevuto per la fattura {{document.number}}',
      body: 'Gentile {{client.name}},\n\ngrazie, abbiamo ricevuto il pagamento della fattura {{document.number}}. Saldo residuo: {{document.amountDue}}.\n\n{{business.name}}',
    },
    ja: {
      subject: '請求書 {{document.number}} のご入金を確認しました',
      body: '{{client.name}} 様\n\n請求書 {{document.number}} のご入金を確認いたしました。ありがとうございます。残高: {{document.amountDue}}\n\n{{business.name}}',
    },
  },
  ticket_reply: {
    en: {
      subject: 'Re: {{ticket.subject}}',
      body: 'Hello {{client.name}},\n\n{{message.body}}\n\nReply to this email or open the conversation: {{portalLink}}\n\n{{business.name}}',
    },
    ru: {
      subject: 'Re: {{ticket.subject}}',
      body: 'Здравствуйте, {{client.name}}!\n\n{{message.body}}\n\nОтветьте на это письмо или откройте переписку: {{portalLink}}\n\n{{business.name}}',
    },
    pt: {
      subject: 'Re: {{ticket.subject}}',
      body: 'Olá {{client.name}},\n\n{{message.body}}\n\nResponda a este e-mail ou abra a conversa: {{portalLink}}\n\n{{business.name}}',
    },
    it: {
      subject: 'Re: {{ticket.subject}}',
      body: 'Gentile {{client.name}},\n\n{{message.body}}\n\nRispondi a questa email o apri la conversazione: {{portalLink}}\n\n{{business.name}}',
    },
    ja: {
      subject: 'Re: {{ticket.subject}}',
      body: '{{client.name}} 様\n\n{{message.body}}\n\nこのメールに返信するか、こちらからご確認ください: {{portalLink}}\n\n{{business.name}}',
    },
  },
  portal_link: {
    en: {
      subject: 'Your sign-in link for {{business.name}}',
      body: 'Hello {{client.name}},\n\nUse this link to see your invoices with {{business.name}}: {{portalLink}}\n\nIf you did not ask for it, you can ignore this email.',
    },
    ru: {
      subject: 'Ссылка для входа — {{business.name}}',
      body: 'Здравствуйте, {{client.name}}!\n\nЧтобы открыть свои счета от {{business.name}}, перейдите по ссылке: {{portalLink}}\n\nЕсли вы не запрашивали ссылку, просто проигнорируйте это письмо.',
    },
    pt: {
      subject: 'O seu link de acesso — {{business.name}}',
      body: 'Olá {{client.name}},\n\nUse este link para ver as suas faturas de {{business.name}}: {{portalLink}}\n\nSe não pediu este link, ignore este e-mail.',
    },
    it: {
      subject: 'Il tuo link di accesso — {{business.name}}',
      body: 'Gentile {{client.name}},\n\nusa questo link per vedere le tue fatture di {{business.name}}: {{portalLink}}\n\nSe non l’hai richiesto, ignora questa email.',
    },
    ja: {
      subject: '{{business.name}} ログインリンクのご案内',
      body: '{{client.name}} 様\n\n{{business.name}} からの請求書は、こちらのリンクからご確認いただけます: {{portalLink}}\n\nお心当たりのない場合は、このメールを破棄してください。',
    },
  },
};
