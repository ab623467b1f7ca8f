import { paymentsPt } from './payments-pt';

export const emailTemplatesPt = {
  credit_note: paymentsPt.creditNoteEmail,
  invoice: {
    subject: 'Fatura {{document.number}} de {{business.name}}',
    body: 'Olá {{client.name}},\n\nSegue em anexo a fatura {{document.number}} no valor de {{document.total}}, com vencimento em {{document.dueDate}}.\n\nVer e pagar online: {{portalLink}}\n\nObrigado,\n{{business.name}}',
  },
  estimate: {
    subject: 'Orçamento {{document.number}} de {{business.name}}',
    body: 'Olá {{client.name}},\n\nSegue em anexo o orçamento {{document.number}} no valor de {{document.total}}.\n\nVer e aceitar online: {{portalLink}}\n\nCumprimentos,\n{{business.name}}',
  },
  reminder: {
    subject: 'Lembrete: a fatura {{document.number}} está vencida',
    body: 'Olá {{client.name}},\n\nA fatura {{document.number}} venceu em {{document.dueDate}} e ainda estão em aberto {{document.amountDue}}.\n\nPagar online: {{portalLink}}\n\nObrigado,\n{{business.name}}',
  },
  receipt: {
    subject: 'Pagamento recebido da fatura {{document.number}}',
    body: 'Olá {{client.name}},\n\nObrigado — recebemos o seu pagamento da fatura {{document.number}}. Saldo restante: {{document.amountDue}}.\n\n{{business.name}}',
  },
  ticket_reply: {
    subject: 'Re: {{ticket.subject}}',
    body: 'Olá {{client.name}},\n\n{{message.body}}\n\nResponda a este e-mail ou abra a conversa: {{portalLink}}\n\n{{business.name}}',
  },
  portal_link: {
    subject: 'O seu link de acesso — {{business.name}}',
    body: 'Olá {{client.name}},\n\nUse este link para ver as suas faturas de {{business.name}}: {{portalLink}}\n\nSe não pediu este link, ignore este e-mail.',
  },
};
