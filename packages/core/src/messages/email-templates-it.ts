import { paymentsIt } from './payments-it';

export const emailTemplatesIt = {
  credit_note: paymentsIt.creditNoteEmail,
  invoice: {
    subject: 'Fattura {{document.number}} da {{business.name}}',
    body: 'Gentile {{client.name}},\n\nin allegato la fattura {{document.number}} di {{document.total}}, con scadenza il {{document.dueDate}}.\n\nVisualizza e paga online: {{portalLink}}\n\nGrazie,\n{{business.name}}',
  },
  estimate: {
    subject: 'Preventivo {{document.number}} da {{business.name}}',
    body: 'Gentile {{client.name}},\n\nin allegato il preventivo {{document.number}} di {{document.total}}.\n\nVisualizza e accetta online: {{portalLink}}\n\nCordiali saluti,\n{{business.name}}',
  },
  reminder: {
    subject: 'Promemoria: la fattura {{document.number}} è scaduta',
    body: 'Gentile {{client.name}},\n\nla fattura {{document.number}} è scaduta il {{document.dueDate}} e restano da pagare {{document.amountDue}}.\n\nPaga online: {{portalLink}}\n\nGrazie,\n{{business.name}}',
  },
  receipt: {
    subject: 'Pagamento ricevuto per la fattura {{document.number}}',
    body: 'Gentile {{client.name}},\n\ngrazie, abbiamo ricevuto il pagamento della fattura {{document.number}}. Saldo residuo: {{document.amountDue}}.\n\n{{business.name}}',
  },
  ticket_reply: {
    subject: 'Re: {{ticket.subject}}',
    body: 'Gentile {{client.name}},\n\n{{message.body}}\n\nRispondi a questa email o apri la conversazione: {{portalLink}}\n\n{{business.name}}',
  },
  portal_link: {
    subject: 'Il tuo link di accesso — {{business.name}}',
    body: 'Gentile {{client.name}},\n\nusa questo link per vedere le tue fatture di {{business.name}}: {{portalLink}}\n\nSe non l’hai richiesto, ignora questa email.',
  },
};
