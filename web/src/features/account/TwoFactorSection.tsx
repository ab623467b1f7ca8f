import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useWords } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { sessionQueries } from '../auth/queries';
import { useSession } from '../auth/session';
import { QrCode } from '../two-factor/QrCode';
import { twoFactorQueries } from '../two-factor/queries';
import { confirmEnrolment, startEnrolment, turnOff } from '../two-factor/writes';

type Step =
  | { kind: 'idle' }
  | { kind: 'scan'; secret: string; otpauthUrl: string }
  | { kind: 'codes'; codes: string[] };

/** The key in groups of four, as authenticator apps print it (spaces are ignored when typed). */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Account → two-factor sign-in: turn it on (QR code and key, one code, then the recovery
 * codes shown once with Copy / Download and "I have saved them"), or off with a code.
 */
export function TwoFactorSection({ asPage = false }: { asPage?: boolean }) {
  const { t } = useWords();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [savedThem, setSavedThem] = useState(false);
  const [copied, setCopied] = useState(false);
  const refresh = [sessionQueries.current().queryKey, twoFactorQueries.requirement().queryKey];

  const start = useApiForm({
    action: (_: null, key) => startEnrolment(key),
    onSuccess: (e) => setStep({ kind: 'scan', secret: e.secret, otpauthUrl: e.otpauthUrl }),
  });
  const confirm = useApiForm({
    action: (code: string, key) => confirmEnrolment(code, key),
    onSuccess: (r) => {
      setSavedThem(false);
      setStep({ kind: 'codes', codes: r.recoveryCodes });
    },
    whenFieldsNamed: 'nothing',
  });
  const off = useApiForm({
    action: (code: string, key) => turnOff(code, key),
    invalidates: refresh,
    whenFieldsNamed: 'nothing',
  });

  const enabled = session?.twoFactorEnabled === true;

  function submitCode(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void confirm.submit(String(new FormData(e.currentTarget).get('code') ?? '').trim());
  }
  function submitOff(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    void off.submit(String(new FormData(e.currentTarget).get('code') ?? '').trim());
  }
  async function finish() {
    setStep({ kind: 'idle' });
    await Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  }

  return (
    <section className="card two-factor" aria-labelledby="two-factor-title">
      {asPage ? (
        <h1 id="two-factor-title">{t.twoFactor.title}</h1>
      ) : (
        <h2 id="two-factor-title">{t.twoFactor.title}</h2>
      )}
      {session?.twoFactorRequired && step.kind === 'idle' ? (
        <p className="notice" role="status">
          {t.twoFactor.requiredNotice}
        </p>
      ) : null}

      {step.kind === 'codes' ? (
        <div>
          <h3>{t.twoFactor.recoveryTitle}</h3>
          <p>{t.twoFactor.recoveryIntro}</p>
          <ol className="recovery-codes" aria-label={t.twoFactor.recoveryTitle}>
            {step.codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <div className="actions">
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(step.codes.join('\n')).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? t.twoFactor.copied : t.twoFactor.copy}
            </button>
            <a
              className="button"
              download="clientele-recovery-codes.txt"
              href={`data:text/plain;charset=utf-8,${encodeURIComponent(`${step.codes.join('\n')}\n`)}`}
            >
              {t.twoFactor.download}
            </a>
          </div>
          <label className="check">
            <input type="checkbox" checked={savedThem} onChange={(e) => setSavedThem(e.target.checked)} />{' '}
            {t.twoFactor.saved}
          </label>
          <div className="actions">
            <button type="button" className="primary" disabled={!savedThem} onClick={() => void finish()}>
              {t.twoFactor.done}
            </button>
          </div>
        </div>
      ) : step.kind === 'scan' ? (
        <form onSubmit={submitCode} noValidate>
          <p>{t.twoFactor.scan}</p>
          <QrCode value={step.otpauthUrl} label={t.twoFactor.qrLabel} />
          <p className="hint">{t.twoFactor.manualKey}</p>
          <p>
            <code className="totp-secret" data-testid="totp-secret">
              {grouped(step.secret)}
            </code>
          </p>
          <FormError message={confirm.error} />
          <Field
            label={t.twoFactor.code}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={6}
            required
            hint={t.twoFactor.codeHint}
            error={confirm.fieldErrors.code}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={confirm.busy}>
              {confirm.busy ? t.twoFactor.confirming : t.twoFactor.confirm}
            </button>
            <button type="button" className="link" onClick={() => setStep({ kind: 'idle' })}>
              {t.app.cancel}
            </button>
          </div>
        </form>
      ) : enabled ? (
        <form onSubmit={submitOff} noValidate>
          <p role="status">{t.twoFactor.statusOn}</p>
          <FormError message={off.error} />
          <Field
            label={t.twoFactor.offCode}
            name="code"
            autoComplete="one-time-code"
            required
            hint={t.twoFactor.turnOffHint}
            error={off.fieldErrors.code}
          />
          <button type="submit" disabled={off.busy}>
            {off.busy ? t.twoFactor.turningOff : t.twoFactor.turnOff}
          </button>
        </form>
      ) : (
        <div>
          <p>{t.twoFactor.intro}</p>
          <p className="muted">{t.twoFactor.statusOff}</p>
          <FormError message={start.error} />
          <button
            type="button"
            className="primary"
            disabled={start.busy}
            onClick={() => void start.submit(null)}
          >
            {start.busy ? t.twoFactor.starting : t.twoFactor.turnOn}
          </button>
        </div>
      )}
    </section>
  );
}
