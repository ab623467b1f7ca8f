import { useQuery } from '@tanstack/react-query';
import { actionKey, http, unwrap } from '../../api/http';
import { useWords } from '../../i18n';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { useCan } from '../team/can';
import { clientQueries } from './queries';

const credits = (id: string) => ({
  queryKey: [...clientQueries.summary(id).queryKey.slice(0, -1), 'credits'] as const,
  queryFn: () => unwrap(http.GET('/clients/{id}/credits', { params: { path: { id } } })),
});

/** Money the client paid through Stripe beyond what was due, each refundable in one click. */
export function ClientCredits({ clientId }: { clientId: string }) {
  const { t, money, date } = useWords();
  const can = useCan();
  const list = useQuery(credits(clientId)).data?.data ?? [];
  const refund = useApiForm<string>({
    action: (creditId, key) =>
      unwrap(
        http.POST('/clients/{id}/credits/{creditId}/refund', {
          params: { path: { id: clientId, creditId } },
          ...actionKey(key),
        }),
      ),
    invalidates: [credits(clientId).queryKey, clientQueries.summary(clientId).queryKey],
  });
  if (list.length === 0) return null;
  return (
    <section className="card" aria-labelledby="client-credits">
      <h3 id="client-credits">{t.money.credits}</h3>
      <FormError message={refund.error} />
      <ul className="plain">
        {list.map((c) => (
          <li key={c.id} data-credit={c.state}>
            {money(c.amount, c.currency)} · {date(c.createdAt)}{' '}
            {c.state === 'refunded' ? (
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
    </section>
  );
}
