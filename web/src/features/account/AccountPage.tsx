import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useWords } from '../../i18n';
import { Field, SelectField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { LanguageOptions } from '../../ui/LanguageOptions';
import { useApiForm } from '../../ui/useApiForm';
import { sessionQueries } from '../auth/queries';
import { Devices } from './Devices';
import { accountQueries } from './queries';
import { changeEmail, changePassword, updateProfile } from './writes';

/** One's own account: name and language, password, email address, two-factor sign-in, signed-in devices. */
export function AccountPage() {
  const { t } = useWords();
  const me = useQuery(accountQueries.me());
  return (
    <section className="page account">
      <h1>{t.account.accountTitle}</h1>
      {me.data ? (
        <>
          <ProfileCard name={me.data.name} locale={me.data.locale} />
          <PasswordCard />
          <EmailCard email={me.data.email} pending={me.data.pendingEmail} />
          <section className="card" aria-labelledby="two-factor-title">
            <h2 id="two-factor-title">{t.twoFactor.title}</h2>
            <p className="muted">{me.data.twoFactorEnabled ? t.twoFactor.statusOn : t.twoFactor.statusOff}</p>
            <Link className="button" to="/account/two-factor">
              {t.twoFactor.manage}
            </Link>
          </section>
        </>
      ) : (
        <p className="muted">{t.app.loading}</p>
      )}
      <Devices />
    </section>
  );
}

function ProfileCard({ name, locale }: { name: string | null; locale: string | null }) {
  const { t } = useWords();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useApiForm({
    action: (body: { name: string | null; locale: 'en' | 'ru' | 'pt' | 'it' | 'ja' | null }, key) =>
      updateProfile(body, key),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: sessionQueries.current().queryKey });
    },
    invalidates: [accountQueries.me().queryKey],
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const data = new FormData(e.currentTarget);
    const lang = String(data.get('locale') ?? '');
    const known = ['en', 'ru', 'pt', 'it', 'ja'] as const;
    void form.submit({
      name: String(data.get('name') ?? '') || null,
      locale: known.find((l) => l === lang) ?? null,
    });
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">{t.account.profile}</h2>
      <FormError message={form.error} />
      <Field
        label={t.account.name}
        name="name"
        defaultValue={name ?? ''}
        autoComplete="name"
        error={form.fieldErrors.name}
      />
      <SelectField
        label={t.account.language}
        name="locale"
        defaultValue={locale ?? ''}
        error={form.fieldErrors.locale}
      >
        <option value="">{t.account.languageFollowBusiness}</option>
        <LanguageOptions />
      </SelectField>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.busy}>
          {form.busy ? t.account.saving : t.account.save}
        </button>
        {saved ? <span role="status">{t.account.saved}</span> : null}
      </div>
    </form>
  );
}

function PasswordCard() {
  const { t } = useWords();
  const [done, setDone] = useState(false);
  const form = useApiForm({
    action: (body: { currentPassword: string; newPassword: string }, key) => changePassword(body, key),
    onSuccess: () => setDone(true),
    invalidates: [accountQueries.devices().queryKey],
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(false);
    const el = e.currentTarget;
    const data = new FormData(el);
    void form
      .submit({
        currentPassword: String(data.get('currentPassword') ?? ''),
        newPassword: String(data.get('newPassword') ?? ''),
      })
      .then((r) => r !== undefined && el.reset());
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">{t.account.changePassword}</h2>
      <FormError message={form.error} />
      <Field
        label={t.account.currentPassword}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={form.fieldErrors.currentPassword}
      />
      <Field
        label={t.account.newPassword}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint={t.auth.passwordHint}
        error={form.fieldErrors.newPassword}
      />
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          {form.busy ? t.account.saving : t.account.changePassword}
        </button>
        {done ? <span role="status">{t.account.passwordChanged}</span> : null}
      </div>
    </form>
  );
}

function EmailCard({ email, pending }: { email: string; pending: string | null }) {
  const { t } = useWords();
  const form = useApiForm({
    action: (body: { email: string; currentPassword: string }, key) => changeEmail(body, key),
    invalidates: [accountQueries.me().queryKey],
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const data = new FormData(el);
    void form
      .submit({
        email: String(data.get('email') ?? ''),
        currentPassword: String(data.get('currentPassword') ?? ''),
      })
      .then((r) => r !== undefined && el.reset());
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="email-title">
      <h2 id="email-title">{t.account.changeEmail}</h2>
      <p>{email}</p>
      {pending ? (
        <p role="status" className="muted">
          {t.account.emailPending.replace('{email}', pending)} — {t.account.emailChangeSent}
        </p>
      ) : null}
      <FormError message={form.error} />
      <Field
        label={t.account.newEmail}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={form.fieldErrors.email}
      />
      <Field
        label={t.account.currentPassword}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        error={form.fieldErrors.currentPassword}
      />
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          {form.busy ? t.account.saving : t.account.changeEmail}
        </button>
      </div>
    </form>
  );
}
