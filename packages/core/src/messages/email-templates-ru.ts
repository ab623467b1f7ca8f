import { paymentsRu } from './payments-ru';

export const emailTemplatesRu = {
  credit_note: paymentsRu.creditNoteEmail,
  invoice: {
    subject: 'Счёт {{document.number}} от {{business.name}}',
    body: 'Здравствуйте, {{client.name}}!\n\nНаправляем счёт {{document.number}} на сумму {{document.total}}. Срок оплаты — {{document.dueDate}}.\n\nПосмотреть и оплатить онлайн: {{portalLink}}\n\nСпасибо,\n{{business.name}}',
  },
  estimate: {
    subject: 'Смета {{document.number}} от {{business.name}}',
    body: 'Здравствуйте, {{client.name}}!\n\nНаправляем смету {{document.number}} на сумму {{document.total}}.\n\nПосмотреть и принять онлайн: {{portalLink}}\n\nС уважением,\n{{business.name}}',
  },
  reminder: {
    subject: 'Напоминание: счёт {{document.number}} просрочен',
    body: 'Здравствуйте, {{client.name}}!\n\nСрок оплаты счёта {{document.number}} истёк {{document.dueDate}}, к оплате остаётся {{document.amountDue}}.\n\nОплатить онлайн: {{portalLink}}\n\nСпасибо,\n{{business.name}}',
  },
  receipt: {
    subject: 'Оплата по счёту {{document.number}} получена',
    body: 'Здравствуйте, {{client.name}}!\n\nСпасибо, мы получили оплату по счёту {{document.number}}. Остаток к оплате: {{document.amountDue}}.\n\n{{business.name}}',
  },
  ticket_reply: {
    subject: 'Re: {{ticket.subject}}',
    body: 'Здравствуйте, {{client.name}}!\n\n{{message.body}}\n\nОтветьте на это письмо или откройте переписку: {{portalLink}}\n\n{{business.name}}',
  },
  portal_link: {
    subject: 'Ссылка для входа — {{business.name}}',
    body: 'Здравствуйте, {{client.name}}!\n\nЧтобы открыть свои счета от {{business.name}}, перейдите по ссылке: {{portalLink}}\n\nЕсли вы не запрашивали ссылку, просто проигнорируйте это письмо.',
  },
};
