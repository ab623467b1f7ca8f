import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useWords } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { problemText } from '../../ui/problemText';
import { useApiForm } from '../../ui/useApiForm';
import { settingsQueries } from './queries';
import { StripeConnect } from './StripeConnect';
import { removeStripe, type StripeKeys, saveStripeSettings } from './writes';

/**
 * Online payments: Stripe Connect first when the deployment offers it, and under "Use your
 * own keys (self-hosting)" (the only way when it does not) the three keys (secrets are write-only: the
 * API shows the last 4 of the secret key, never the key), the webhook URL to paste into
 * Stripe with the events to enable, and "remove Stripe".
 */
export function StripeSettings() {
  const queryClient = useQueryClient();
  const { t, date } = useWords();
  const current = useQuery(settingsQueries.stripe());
  const { ask, dialog } = useConfirm();
  const [saved, setSaved] = useState(false);
  const [editing, setEditing] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const save = useApiForm({
    action: (keys: StripeKeys, key) => saveStripeSettings(keys, key),
    onSuccess: (next) => {
      queryClient.setQueryData(settingsQueries.stripe().queryKey, next);
      form.current?.reset();
      setSaved(true);
      setEditing(false);
    },
    invalidates: [settingsQueries.stripe().queryKey],
    // Each key's refusal (Stripe did not accept it, say) is said beside it.
    whenFieldsNamed: 'nothing',
  });
  const remove = useApiForm({
    action: (_: null, key) => removeStripe(key),
    invalidates: [settingsQueries.stripe().queryKey],
  });
  const errors = save.fieldErrors;
  const busy = save.busy || remove.busy;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    setSaved(false);
    void save.submit({
      publishableKey: text('publishableKey'),
      secretKey: text('secretKey'),
      webhookSecret: text('webhookSecret'),
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
  const keys = (
    <>
      {s.method === 'keys' ? (
        <p role="status">
          <span className="badge badge-paid">{t.stripe.connected}</span>{' '}
          {s.mode === 'live' ? t.stripe.live : t.stripe.test} · {t.stripe.publishableKeyIs}{' '}
          <code>{s.publishableKey}</code> · {t.stripe.secretKeyEnding} <code>{s.secretKeyLast4}</code>
          {s.updatedAt ? <span className="muted"> · {t.stripe.savedOn(date(s.updatedAt))}</span> : null}
        </p>
      ) : s.method === null ? (
        <p className="muted">{t.stripe.notConnected}</p>
      ) : null}
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
        <Field
          label={t.money.apiVersion}
          id="stripe-api-version"
          readOnly
          value={s.apiVersion}
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
      {s.method !== 'keys' || editing ? (
        <form ref={form} className="form-grid" onSubmit={submit} noValidate>
          <FormError message={save.error ?? remove.error} />
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
              }).then((ok) => ok && remove.submit(null))
            }
          >
            {t.stripe.remove}
          </button>
        </div>
      )}
    </>
  );
  return (
    <div className="card" data-testid="stripe-settings">
      {dialog}
      {s.connectAvailable ? (
        <>
          <StripeConnect status={s} />
          <details className="stripe-own-keys" open={s.method === 'keys'}>
            <summary>{t.connect.ownKeys}</summary>
            {keys}
          </details>
        </>
      ) : (
        keys
      )}
    </div>
  );
}
