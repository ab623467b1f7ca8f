import { paymentsEn } from './payments-en';

/** The built-in email templates, `{{variables}}` and all: what a business starts from before editing its own. */
export const emailTemplatesEn = {
  credit_note: paymentsEn.creditNoteEmail,
  invoice: {
    subject: 'Invoice {{document.number}} from {{business.name}}',
    body: 'Hello {{client.name}},\n\nPlease find attached invoice {{document.number}} for {{document.total}}, due on {{document.dueDate}}.\n\nView and pay online: {{portalLink}}\n\nThank you,\n{{business.name}}',
  },
  estimate: {
    subject: 'Estimate {{document.number}} from {{business.name}}',
    body: 'Hello {{client.name}},\n\nPlease find attached estimate {{document.number}} for {{document.total}}.\n\nReview and accept it online: {{portalLink}}\n\nBest regards,\n{{business.name}}',
  },
  reminder: {
    subject: 'Reminder: invoice {{document.number}} is overdue',
    body: 'Hello {{client.name}},\n\nInvoice {{document.number}} was due on {{document.dueDate}} and {{document.amountDue}} is still open.\n\nPay online: {{portalLink}}\n\nThank you,\n{{business.name}}',
  },
  receipt: {
    subject: 'Payment received for invoice {{document.number}}',
    body: 'Hello {{client.name}},\n\nThank you — we received your payment for invoice {{document.number}}. Balance remaining: {{document.amountDue}}.\n\n{{business.name}}',
  },
  ticket_reply: {
    subject: 'Re: {{ticket.subject}}',
    body: 'Hello {{client.name}},\n\n{{message.body}}\n\nReply to this email or open the conversation: {{portalLink}}\n\n{{business.name}}',
  },
  portal_link: {
    subject: 'Your sign-in link for {{business.name}}',
    body: 'Hello {{client.name}},\n\nUse this link to see your invoices with {{business.name}}: {{portalLink}}\n\nIf you did not ask for it, you can ignore this email.',
  },
};
