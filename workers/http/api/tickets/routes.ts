import type { Router } from '../router';
import { registerAcceptInboundMail } from './accept-inbound-mail';
import { registerCountAwaitingTickets } from './count-awaiting-tickets';
import { registerGetTicket } from './get-ticket';
import { registerGetTicketAttachment } from './get-ticket-attachment';
import { registerListInboundMail } from './list-inbound-mail';
import { registerListTickets } from './list-tickets';
import { registerReplyToTicket } from './reply-to-ticket';
import { registerUpdateTicketStatus } from './update-ticket-status';

// Fixed paths (`/tickets/unread-count`, `/tickets/inbound-mail`) come before `/tickets/{id}`.
export function registerTicketRoutes(app: Router) {
  registerCountAwaitingTickets(app);
  registerListInboundMail(app);
  registerAcceptInboundMail(app);
  registerListTickets(app);
  registerGetTicket(app);
  registerReplyToTicket(app);
  registerUpdateTicketStatus(app);
  registerGetTicketAttachment(app);
}
