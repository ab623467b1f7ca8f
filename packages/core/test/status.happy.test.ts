import { describe, expect, it } from 'vitest';
import {
  canMove,
  ESTIMATE_TRANSITIONS,
  INVOICE_STATUSES,
  INVOICE_TRANSITIONS,
  isExpired,
  isOverdue,
  PAYABLE_STATUSES,
  PORTAL_STATUS_ORDER,
  STORED_STATUSES,
  statusesMovingTo,
  statusForPayments,
} from '../src';

describe('document status model', () => {
  it('every transition leads to a known status, and void and decided estimates are final', () => {
    for (const [from, tos] of Object.entries(INVOICE_TRANSITIONS)) {
      expect(INVOICE_STATUSES).toContain(from);
      for (const to of tos) expect(INVOICE_STATUSES).toContain(to);
    }
    expect(INVOICE_TRANSITIONS.void).toEqual([]);
    expect(ESTIMATE_TRANSITIONS.accepted).toEqual([]);
    expect(canMove(INVOICE_TRANSITIONS, 'draft', 'paid')).toBe(false);
    expect(canMove(ESTIMATE_TRANSITIONS, 'sent', 'accepted')).toBe(true);
    expect(statusesMovingTo(INVOICE_TRANSITIONS, 'void').sort()).toEqual(['sent', 'viewed']);
  });

  it('payments decide between sent, viewed, partial and paid', () => {
    expect(statusForPayments(1000, 0, false)).toBe('sent');
    expect(statusForPayments(1000, 0, true)).toBe('viewed');
    expect(statusForPayments(1000, 1, true)).toBe('partial');
    expect(statusForPayments(1000, 1000, false)).toBe('paid');
    for (const s of PAYABLE_STATUSES) expect(STORED_STATUSES).toContain(s);
  });

  it('overdue and expired are derived from dates and balance', () => {
    const inv = {
      type: 'invoice' as const,
      status: 'sent',
      dueDate: '2026-03-01',
      total: 100,
      amountPaid: 0,
    };
    expect(isOverdue(inv, '2026-03-02')).toBe(true);
    expect(isOverdue(inv, '2026-03-01')).toBe(false);
    expect(isOverdue({ ...inv, amountPaid: 100 }, '2026-04-01')).toBe(false);
    expect(isOverdue({ ...inv, status: 'void' }, '2026-04-01')).toBe(false);
    expect(isOverdue({ ...inv, status: 'draft' }, '2026-04-01')).toBe(false);
    const est = { type: 'estimate' as const, status: 'sent', validUntil: '2026-03-01' };
    expect(isExpired(est, '2026-03-02')).toBe(true);
    expect(isExpired({ ...est, status: 'accepted' }, '2026-03-02')).toBe(false);
  });

  it('the portal reads overdue first and void last', () => {
    expect(PORTAL_STATUS_ORDER[0]).toBe('overdue');
    expect(PORTAL_STATUS_ORDER.at(-1)).toBe('void');
  });
});
