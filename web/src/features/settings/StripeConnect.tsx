import { useQueryClient } from '@tanstack/react-query';
import { useWords } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { settingsQueries } from './queries';
import { removeStripe, startStripeConnect, startStripeOauth } from './writes';

interface ConnectStatus {
  method: 'connect' | 'keys' | null;
  accountId: string | null;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  canLinkExisting: boolean;
}

/**
 * Where Stripe sent the person back to: onboarding's `?stripe=return` or `?stripe=refresh`, or
 * the outcome of linking an existing account (`connected`, `declined`, `failed`, `taken`).
 */
const backFromStripe = () => new URLSearchParams(window.location.search).get('stripe');

/**
 * Stripe Connect, the default way to take payments: one button opens Stripe's onboarding for a
 * Standard account of the business's own; back here the account's status shows (its requirements
 * while Stripe still needs something, with "Continue onboarding"), and "Disconnect".
 * Settings reads the account from Stripe while onboarding is unfinished, so the status is current.
 */
export function StripeConnect({ status }: { status: ConnectStatus }) {
  const { t } = useWords();
  const queryClient = useQueryClient();
  const { ask, dialog } = useConfirm();
  const open = useApiForm({
    action: (_: null, key) => startStripeConnect(key),
    // Stripe's onboarding is a page of its own; it brings the person back to Settings.
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const disconnect = useApiForm({
    action: (_: null, key) => removeStripe(key),
    invalidates: [settingsQueries.stripe().queryKey],
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsQueries.stripe().queryKey }),
  });
  const link = useApiForm({
    action: (_: null, key) => startStripeOauth(key),
    // Stripe's OAuth page; our callback brings the person back here with the outcome.
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const busy = open.busy || link.busy || disconnect.busy;
  const back = backFromStripe();
  const connected = status.method === 'connect';
  const unfinished = status.accountId !== null && (!status.chargesEnabled || !status.detailsSubmitted);

  return (
    <section aria-labelledby="stripe-connect-title" data-testid="stripe-connect">
      {dialog}
      <h3 id="stripe-connect-title">{t.connect.button}</h3>
      {back === 'return' ? (
        <p className="notice" role="status">
          {t.connect.returned}
        </p>
      ) : back === 'refresh' ? (
        <p className="notice" role="status">
          {t.connect.expired}
        </p>
      ) : back === 'connected' ? (
        <p className="notice" role="status" data-testid="stripe-link-outcome">
          {t.connect.linkConnected}
        </p>
      ) : back === 'declined' || back === 'failed' || back === 'taken' ? (
        <p className="form-error" role="alert" data-testid="stripe-link-outcome">
          {back === 'declined'
            ? t.connect.linkDeclined
            : back === 'taken'
              ? t.connect.linkTaken
              : t.connect.linkFailed}
        </p>
      ) : null}
      <FormError message={open.error ?? link.error ?? disconnect.error} />
      {status.accountId ? (
        <p role="status" data-testid="stripe-connect-status">
          {t.connect.account} <code>{status.accountId}</code>
          {connected ? <span className="muted"> · {t.connect.viaConnect}</span> : null}{' '}
          {status.chargesEnabled && connected ? (
            <span className="badge badge-paid">{t.connect.chargesEnabled}</span>
          ) : (
            <span className="badge badge-partial">{t.connect.chargesDisabled}</span>
          )}
        </p>
      ) : (
        <p className="muted">{t.connect.intro}</p>
      )}
      {status.requirementsDue.length ? (
        <>
          <p>{t.connect.requirementsDue}</p>
          <ul>
            {status.requirementsDue.map((r) => (
              <li key={r}>
                <code>{r}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="actions">
        {!status.accountId || unfinished ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void open.submit(null)}>
            {open.busy
              ? t.connect.opening
              : status.accountId
                ? t.connect.continueOnboarding
                : t.connect.button}
          </button>
        ) : null}
        {status.canLinkExisting && !connected ? (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            aria-describedby="stripe-link-hint"
            onClick={() => void link.submit(null)}
          >
            {link.busy ? t.connect.linkOpening : t.connect.linkExisting}
          </button>
        ) : null}
        {status.accountId ? (
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() =>
              ask({
                title: t.connect.disconnectTitle,
                message: t.connect.disconnectMessage,
                confirmLabel: t.connect.disconnect,
                danger: true,
              }).then((ok) => ok && disconnect.submit(null))
            }
          >
            {t.connect.disconnect}
          </button>
        ) : null}
      </div>
      {status.canLinkExisting && !connected ? (
        <p className="muted" id="stripe-link-hint">
          {t.connect.linkHint}
        </p>
      ) : null}
    </section>
  );
}
