import type { Language } from '@clientele/core';
import type { DocumentRow } from '@clientele/db';
import { isOverdue } from '../../../services/documents/view';
import type { PortalMessages } from '../messages';
import { formatters } from './format';

type ListedInvoice = Pick<
  DocumentRow,
  'id' | 'type' | 'number' | 'status' | 'currency' | 'issueDate' | 'dueDate' | 'total' | 'amountPaid'
> &
  Partial<Pick<DocumentRow, 'dispute'>>;

/**
 * The cells every invoice list in the portal shows (number linking to the preview,
 * issue date, status with overdue derived, amount due), with phone labels; `total`
 * adds the invoice total before the amount due.
 */
export function InvoiceCells(props: {
  row: ListedInvoice;
  day: string;
  lang: Language;
  m: PortalMessages;
  total?: boolean;
}) {
  const { row: r, m } = props;
  const f = formatters(props.lang);
  const overdue = isOverdue(r, props.day);
  return (
    <>
      <td data-label={m.number}>
        <a href={`/portal/invoices/${r.id}`}>{r.number}</a>
      </td>
      <td data-label={m.issued}>{f.date(r.issueDate)}</td>
      <td data-label={m.status} class={overdue ? 'danger' : ''}>
        {overdue ? m.statusName.overdue : m.statusName[r.status as 'sent']}
        {r.dispute ? <span class="danger"> · {m.disputedStatus}</span> : null}
      </td>
      {props.total ? (
        <td data-label={m.total} class="num">
          {f.money(r.total, r.currency)}
        </td>
      ) : null}
      <td data-label={m.amountDue} class="num">
        {f.money(r.status === 'void' ? 0 : r.total - r.amountPaid, r.currency)}
      </td>
    </>
  );
}
