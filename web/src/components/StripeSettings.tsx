import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api';
import { date } from '../format';
import { keys } from '../queries';
import { useConfirm } from './ConfirmDialog';
import { Field } from './Field';
import { FormError } from './FormError';
import { useAction } from './useAction';

/**
 * Connect Stripe so clients can pay online: the three keys (secrets are write-only: the
 * API shows the last 4 of the secret key, never the key), the webhook URL to paste into
 * Stripe with the events to enable, and "remove Stripe".
 */
export function StripeSettings() {
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: keys.stripe, queryFn: api.stripeSettings });
  const { run, error, busy } = useAction([keys.stripe]);
  const { ask, dialog } = useConfirm();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [editing, setEditing] = useState(false);

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    setErrors({});
    setSaved(false);
    await run(async () => {
      try {
        const saved = await api.saveStripeSettings({
          publishableKey: text('publishableKey'),
          secretKey: text('secretKey'),
          webhookSecret: text('webhookSecret'),
        });
        queryClient.setQueryData(keys.stripe, saved);
        form.reset();
        setSaved(true);
        setEditing(false);
      } catch (err) {
        if (err instanceof ApiError) setErrors(err.fieldErrors());
        throw err;
      }
    });
  }

  const s = current.data;
  if (!s)
    return (
      <div className="card">
        {current.error ? <FormError message={current.error.message} /> : <p className="muted">Loading…</p>}
      </div>
    );
  return (
    <div className="card" data-testid="stripe-settings">
      {dialog}
      {s.configured ? (
        <p role="status">
          <span className="badge badge-paid">Connected</span> {s.mode === 'live' ? 'Live' : 'Test'} mode ·
          publishable key <code>{s.publishableKey}</code> · secret key ending in{' '}
          <code>{s.secretKeyLast4}</code>
          {s.updatedAt ? <span className="muted"> · saved {date(s.updatedAt)}</span> : null}
        </p>
      ) : (
        <p className="muted">
          Not connected. Connect your Stripe account and clients can pay invoices by card from the portal.
        </p>
      )}
      {saved ? (
        <p className="notice" role="status">
          Stripe keys saved. Stripe accepted the secret key.
        </p>
      ) : null}
      <div className="hint">
        <p>
          In Stripe → Developers → Webhooks, add an endpoint with this URL and copy its signing secret here:
        </p>
        <Field
          label="Webhook URL"
          id="stripe-webhook-url"
          readOnly
          value={s.webhookUrl}
          onFocus={(e) => e.currentTarget.select()}
        />
        <p>
          Events to send:{' '}
          {s.events.map((ev, i) => (
            <span key={ev}>
              {i ? ', ' : ''}
              <code>{ev}</code>
            </span>
          ))}
        </p>
      </div>
      {!s.configured || editing ? (
        <form className="form-grid" onSubmit={save} noValidate>
          <FormError message={error && !Object.keys(errors).length ? error : null} />
          <Field
            label="Publishable key"
            name="publishableKey"
            placeholder="pk_test_…"
            autoComplete="off"
            error={errors.publishableKey}
          />
          <Field
            label="Secret key"
            name="secretKey"
            type="password"
            placeholder="sk_test_…"
            autoComplete="off"
            error={errors.secretKey}
            hint="Stored encrypted; shown again only as its last 4 characters."
          />
          <Field
            label="Webhook signing secret"
            name="webhookSecret"
            type="password"
            placeholder="whsec_…"
            autoComplete="off"
            error={errors.webhookSecret}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Checking with Stripe…' : 'Save Stripe keys'}
            </button>
            {editing ? (
              <button type="button" disabled={busy} onClick={() => setEditing(false)}>
                Cancel
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => setEditing(true)}>
            Replace keys
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() =>
              ask({
                title: 'Remove Stripe?',
                message: 'Clients can no longer pay online. Payments already recorded stay as they are.',
                confirmLabel: 'Remove Stripe',
                danger: true,
              }).then((ok) => ok && run(() => api.removeStripe()))
            }
          >
            Remove Stripe
          </button>
        </div>
      )}
    </div>
  );
}
