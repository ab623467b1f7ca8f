import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api';
import { problemText } from '../errors';
import { useWords } from '../i18n';
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
  const { t, date } = useWords();
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
        {current.error ? (
          <FormError message={problemText(current.error, t)} />
        ) : (
          <p className="muted">{t.app.loading}</p>
        )}
      </div>
    );
  return (
    <div className="card" data-testid="stripe-settings">
      {dialog}
      {s.configured ? (
        <p role="status">
          <span className="badge badge-paid">{t.stripe.connected}</span>{' '}
          {s.mode === 'live' ? t.stripe.live : t.stripe.test} · {t.stripe.publishableKeyIs}{' '}
          <code>{s.publishableKey}</code> · {t.stripe.secretKeyEnding} <code>{s.secretKeyLast4}</code>
          {s.updatedAt ? <span className="muted"> · {t.stripe.savedOn(date(s.updatedAt))}</span> : null}
        </p>
      ) : (
        <p className="muted">{t.stripe.notConnected}</p>
      )}
      {saved ? (
        <p className="notice" role="status">
          {t.stripe.keysSaved}
        </p>
      ) : null}
      <div className="hint">
        <p>{t.stripe.webhookHelp}</p>
        <Field
          label={t.stripe.webhookUrl}
          id="stripe-webhook-url"
          readOnly
          value={s.webhookUrl}
          onFocus={(e) => e.currentTarget.select()}
        />
        <p>
          {t.stripe.events}{' '}
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
            label={t.stripe.publishableKey}
            name="publishableKey"
            placeholder="pk_test_…"
            autoComplete="off"
            error={errors.publishableKey}
          />
          <Field
            label={t.stripe.secretKey}
            name="secretKey"
            type="password"
            placeholder="sk_test_…"
            autoComplete="off"
            error={errors.secretKey}
            hint={t.stripe.secretKeyHint}
          />
          <Field
            label={t.stripe.webhookSecret}
            name="webhookSecret"
            type="password"
            placeholder="whsec_…"
            autoComplete="off"
            error={errors.webhookSecret}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t.stripe.checking : t.stripe.save}
            </button>
            {editing ? (
              <button type="button" disabled={busy} onClick={() => setEditing(false)}>
                {t.app.cancel}
              </button>
            ) : null}
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => setEditing(true)}>
            {t.stripe.replace}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() =>
              ask({
                title: t.stripe.removeTitle,
                message: t.stripe.removeMessage,
                confirmLabel: t.stripe.remove,
                danger: true,
              }).then((ok) => ok && run(() => api.removeStripe()))
            }
          >
            {t.stripe.remove}
          </button>
        </div>
      )}
    </div>
  );
}
