import type { EstimateViewStatus, IssuedInvoiceStatus } from '../status';

type Stamp = 'PAID' | 'VOID' | 'OVERDUE' | 'DRAFT';

/**
 * English defines every key; each other language must have exactly these (`satisfies
 * Messages`), so a missing or misspelt key is a type error.
 *
 * - `common`: words every surface shares (portal, PDF), settled once.
 * - `portal`: the client portal's pages.
 * - `document`: what PDFs print besides the common words.
 * - `email`: the built-in email templates, `{{variables}}` and all.
 */
export const en = {
  common: {
    invoice: 'Invoice',
    estimate: 'Estimate',
    statement: 'Statement',
    number: 'Number',
    validUntil: 'Valid until',
    from: 'From',
    billTo: 'Bill to',
    taxId: 'Tax ID',
    vatId: 'VAT ID',
    taxIdHome: { country: 'GB', label: 'VAT number' },
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
    subtotal: 'Subtotal',
    discount: 'Discount',
    total: 'Total',
    amountPaid: 'Amount paid',
    notes: 'Notes',
    totalInvoiced: 'Invoiced',
    overdue: 'Overdue',
    amountDue: 'Amount due',
    paymentInstructions: 'Payment instructions',
    statusName: {
      sent: 'Open',
      viewed: 'Open',
      partial: 'Partly paid',
      paid: 'Paid',
      void: 'Void',
      overdue: 'Overdue',
    } satisfies Record<IssuedInvoiceStatus | 'overdue', string>,
  },
  portal: {
    continueTitle: 'Your invoices',
    continueText: (b: string) => `Continue to see your invoices and statement from ${b}.`,
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
    totalPaid: 'Paid',
    totalOwed: 'Owed',
    nothingYet: 'No invoices yet.',
    signOut: 'Sign out',
    invoices: 'Invoices',
    issued: 'Issued',
    due: 'Due',
    status: 'Status',
    allStatuses: 'All',
    next: 'Next',
    previous: 'Previous',
    estimates: 'Estimates',
    accept: 'Accept estimate',
    reject: 'Decline',
    rejectReason: 'Reason (optional)',
    decisionThanks: (b: string) => `Thank you — ${b} has your answer.`,
    estimateStatusName: {
      sent: 'Awaiting your answer',
      accepted: 'Accepted',
      rejected: 'Declined',
      expired: 'Expired',
    } satisfies Record<Exclude<EstimateViewStatus, 'draft'>, string>,
    noEstimates: 'No estimates yet.',
    tax: (r: string) => `Tax ${r}`,
    downloadPdf: 'Download PDF',
    payNow: 'Pay now',
    payTitle: (n: string) => `Pay invoice ${n}`,
    payLoading: 'Loading secure payment…',
    payNeedsScript:
      'Online payment needs JavaScript. You can also pay using the instructions on the invoice.',
    payStartFailed: 'The payment could not be started. Please try again in a moment.',
    payBy: 'Payments are processed securely by Stripe.',
    paymentReceived: 'Payment received. Thank you!',
    paymentProcessing: 'Processing your payment…',
    paymentSettling:
      'Your payment is on its way. Bank payments can take a few days; this invoice will show Paid once it settles.',
    paymentFailed: 'The payment did not go through. You can try again.',
    paymentReview: (b: string) => `Your payment was received and is being reviewed by ${b}.`,
    paymentStillWaiting:
      'Still waiting for confirmation from the payment provider. You can leave this page; the invoice will update on its own.',
    back: 'All invoices',
    select: (n: string) => `Select ${n}`,
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
    paymentFor: (n: string) => `Invoice ${n}`,
  },
  document: {
    issueDate: 'Issue date',
    dueDate: 'Due date',
    taxAt: (r: string, incl: boolean) => `Tax ${r}${incl ? ' (included)' : ''}`,
    viewAndPay: 'View and pay online',
    viewOnline: 'View online',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    stamp: { PAID: 'PAID', VOID: 'VOID', OVERDUE: 'OVERDUE', DRAFT: 'DRAFT' } satisfies Record<Stamp, string>,
    statementDate: 'Statement date',
    currency: 'Currency',
    outstanding: 'Outstanding',
    noInvoices: 'No invoices yet.',
    taxColumn: 'Tax',
  },
  email: {
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
  },
};

export type Messages = typeof en;
