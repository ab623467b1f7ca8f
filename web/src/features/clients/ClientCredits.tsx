import { parseDecimal } from '@clientele/core';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { actionKey, http, unwrap } from '../../api/http';
import { useWords } from '../../i18n';
import { Field, SelectField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { creditChanges } from '../credit-notes/queries';
import { type CreditRefundInput, recordCreditRefund } from '../credit-notes/writes';
import { useCan } from '../team/can';
import { clientQueries } from './queries';

const credits = (id: string) => ({
  queryKey: [...clientQueries.summary(id).queryKey.slice(0, -1), 'credits'] as const,
  queryFn: () => unwrap(http.GET('/clients/{id}/credits', { params: { path: { id } } })),
});

/**
 * The client's credit, line by line (Stripe overpayments, credit notes, kept overpayments, uses
 * and refunds): a Stripe line is refunded in one click on its charge; any credit can be
 * recorded as handed back by other means, with a reference.
 */
export function ClientCredits({ clientId }: { clientId: string }) {
  const { t, money, date } = useWords();
  const can = useCan();
  const list = useQuery(credits(clientId)).data?.data ?? [];
  const balances = (useQuery(clientQueries.summary(clientId)).data?.currencies ?? []).filter(
    (c) => c.credit > 0,
  );
  const refund = useApiForm<string>({
    action: (creditId, key) =>
      unwrap(
        http.POST('/clients/{id}/credits/{creditId}/refund', {
          params: { path: { id: clientId, creditId } },
          ...actionKey(key),
        }),
      ),
    invalidates: [credits(clientId).queryKey, ...creditChanges()],
  });
  const record = useApiForm({
    action: (body: CreditRefundInput, key) => recordCreditRefund(clientId, body, key),
    invalidates: [credits(clientId).queryKey, ...creditChanges()],
  });
  if (list.length === 0) return null;

  function submitRefund(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (record.busy) return;
    const f = new FormData(e.currentTarget);
    const currency = String(f.get('currency') ?? '');
    void record.submit({
      currency,
      amount: parseDecimal(String(f.get('amount') ?? ''), currency),
      reference: String(f.get('reference') ?? ''),
    });
  }

  return (
    <section className="card" aria-labelledby="client-credits">
      <h3 id="client-credits">{t.money.credits}</h3>
      <FormError message={refund.error} />
      <ul className="plain">
        {list.map((c) => (
          <li key={c.id} data-credit={c.state} data-source={c.source}>
            {money(c.amount, c.currency)} · {t.credit.sources[c.source]} · {date(c.createdAt)}
            {c.reference ? ` · ${c.reference}` : null}{' '}
            {c.source !== 'stripe' ? null : c.state === 'refunded' ? (
              <span className="badge">{t.money.refunded}</span>
            ) : can('settings') ? (
              <button
                type="button"
                className="secondary"
                disabled={refund.busy}
                onClick={() => void refund.submit(c.id)}
              >
                {refund.busy ? t.money.refunding : t.money.refund}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {can('write') && balances.length > 0 ? (
        <form className="form-grid" onSubmit={submitRefund} onInput={record.newAction}>
          <h4>{t.credit.recordRefund}</h4>
          <FormError message={record.error} />
          <SelectField label={t.credit.currency} name="currency" id="credit-refund-currency">
            {balances.map((b) => (
              <option key={b.currency} value={b.currency}>
                {b.currency} · {t.credit.balance}: {money(b.credit, b.currency)}
              </option>
            ))}
          </SelectField>
          <Field
            label={t.credit.amount(balances[0]?.currency ?? '')}
            id="credit-refund-amount"
            name="amount"
            inputMode="decimal"
            required
            error={record.fieldErrors.amount}
          />
          <Field
            label={t.credit.refundReference}
            id="credit-refund-reference"
            name="reference"
            error={record.fieldErrors.reference}
          />
          <div className="actions">
            <button type="submit" disabled={record.busy}>
              {t.credit.recordRefund}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
