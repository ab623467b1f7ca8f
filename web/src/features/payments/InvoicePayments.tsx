import { useQuery } from '@tanstack/react-query';
import { useWords } from '../../i18n';
import { useCan } from '../team/can';
import { paymentQueries } from './queries';

/**
 * The invoice's payments (manual and Stripe, with Stripe's id and any refund), and its
 * Stripe checkouts that are not simply paid: processing, failed, or flagged because the
 * amount or currency did not match (those never count as paid).
 */
export function InvoicePayments(props: {
  invoice: { id: string; status: string };
  busy: boolean;
  onDelete: (paymentId: string) => void;
}) {
  const d = props.invoice;
  const { t, money, date } = useWords();
  const can = useCan();
  const payments = useQuery(paymentQueries.list(d.id)).data?.data ?? [];
  const online = useQuery(paymentQueries.online(d.id)).data?.data ?? [];
  const attention = online.filter(
    (o) => o.state === 'processing' || o.state === 'failed' || o.state === 'mismatch',
  );
  const viaStripe = payments.length > 0 && payments.every((p) => p.source === 'stripe');
  return (
    <div className="card" data-testid="invoice-payments">
      <h3>
        {t.payment.payments}{' '}
        {d.status === 'paid' && viaStripe ? (
          <span className="badge badge-paid">{t.payment.paidViaStripe}</span>
        ) : null}
      </h3>
      {attention.map((o) => (
        <p
          key={o.id}
          className={o.state === 'processing' ? 'notice' : 'form-error'}
          role="status"
          data-online-state={o.state}
        >
          <strong>{t.payment.online[o.state]}</strong> · {money(o.amount, o.currency)} ·{' '}
          {t.payment.stripeCheckout} <code>{o.id}</code>
          {o.problem ? <> — {o.problem}</> : null}
        </p>
      ))}
      {payments.length === 0 ? (
        <p className="muted">{t.payment.none}</p>
      ) : (
        <table className="list">
          <tbody>
            {payments.map((p) => (
              <tr key={p.id} data-source={p.source}>
                <td>{date(p.date)}</td>
                <td>
                  {p.source === 'stripe' ? (
                    <span className="badge badge-sent">Stripe</span>
                  ) : p.source === 'credit_note' ? (
                    t.credit.sources.credit_note
                  ) : p.source === 'credit' ? (
                    t.credit.fromCredit
                  ) : (
                    p.method
                  )}
                </td>
                <td className="hide-sm">{p.reference ? <code>{p.reference}</code> : ''}</td>
                <td className="num">
                  {money(p.amount, p.currency)}
                  {p.refunded ? (
                    <div className="muted" data-refunded>
                      {t.payment.refunded(money(p.refunded, p.currency))}
                    </div>
                  ) : null}
                </td>
                <td>
                  {(p.source === 'manual' && !can('write')) ||
                  p.source === 'credit' ||
                  p.source === 'credit_note' ? null : p.source === 'manual' ? (
                    <button
                      disabled={props.busy}
                      type="button"
                      className="link"
                      onClick={() => props.onDelete(p.id)}
                    >
                      {t.app.delete}
                    </button>
                  ) : (
                    <span className="muted hide-sm">{t.payment.refundInStripe}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
