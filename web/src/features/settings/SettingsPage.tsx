import { LANGUAGES } from '@clientele/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { oneOf } from '../../api/http';
import type { Settings, SettingsPatch } from '../../api/types';
import { useWords } from '../../i18n';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { LanguageOptions } from '../../ui/LanguageOptions';
import { problemText } from '../../ui/problemText';
import { useApiForm } from '../../ui/useApiForm';
import { ApiKeys } from '../api-keys/ApiKeys';
import { useSession } from '../auth/session';
import { CloseBusiness } from '../business/CloseBusiness';
import { useCan } from '../team/can';
import { TeamSettings } from '../team/TeamSettings';
import { TemplateEditor } from '../templates/TemplateEditor';
import { settingsQueries } from './queries';
import { ReminderSteps } from './ReminderSteps';
import { StripeSettings } from './StripeSettings';
import { TwoFactorRequirement } from './TwoFactorRequirement';
import { deleteLogo, updateSettings, uploadLogo } from './writes';

export function SettingsPage() {
  const queryClient = useQueryClient();
  const { t } = useWords();
  const { session, setSession } = useSession();
  const can = useCan();
  const loaded = useQuery(settingsQueries.business());
  const settings = loaded.data ?? null;
  const setSettings = (next: Settings) => queryClient.setQueryData(settingsQueries.business().queryKey, next);
  const [saved, setSaved] = useState(false);
  // The form shows the saved values again only after a save of the form itself: a logo
  // upload (which also changes the settings) must never wipe what is being typed.
  const [formVersion, setFormVersion] = useState(0);
  const save = useApiForm({
    action: (patch: SettingsPatch, key) => updateSettings(patch, key),
    onSuccess: (next) => {
      setSettings(next);
      // The app speaks the business's language: a new one takes effect at once.
      const locale = oneOf(LANGUAGES, next.locale);
      if (session && locale && locale !== session.locale) setSession({ ...session, locale });
      setSaved(true);
      setFormVersion((v) => v + 1);
    },
    whenFieldsNamed: 'correct-fields',
    fallback: t.app.couldNotSave,
  });
  const errors = save.fieldErrors;
  const logo = useApiForm({
    action: (file: File | null, key) => (file ? uploadLogo(file, key) : deleteLogo(key).then(() => null)),
    onSuccess: (next) => {
      if (next) setSettings(next);
      else if (settings) setSettings({ ...settings, hasLogo: false });
    },
  });
  const error = save.error ?? logo.error;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '');
    setSaved(false);
    logo.reset();
    void save.submit({
      name: text('name'),
      locale: oneOf(LANGUAGES, text('locale')),
      email: text('email'),
      phone: text('phone'),
      address: {
        street: text('street'),
        city: text('city'),
        state: text('state'),
        postalCode: text('postalCode'),
        country: text('country'),
      },
      taxId: text('taxId'),
      paymentInstructions: text('paymentInstructions'),
      currency: text('currency'),
      invoiceNumberFormat: text('invoiceNumberFormat'),
      estimateNumberFormat: text('estimateNumberFormat'),
      creditNoteNumberFormat: text('creditNoteNumberFormat'),
      paymentTermsDays: Number(text('paymentTermsDays')),
      notifications: {
        estimateDecisions: f.get('notifyEstimateDecisions') === 'on',
        onlinePayments: f.get('notifyOnlinePayments') === 'on',
        tickets: f.get('notifyTickets') === 'on',
      },
    });
  }

  if (!settings) {
    const problem = error ?? (loaded.error ? problemText(loaded.error, t) : null);
    return problem ? <FormError message={problem} /> : <p className="muted">{t.app.loading}</p>;
  }
  const s = settings;
  return (
    <section>
      <div className="page-head">
        <h1>{t.settings.title}</h1>
        <Link to="/settings/data">{t.data.link}</Link>
      </div>
      <div className="card logo-card">
        <h3>{t.settings.logo}</h3>
        {s.hasLogo ? (
          <img
            src={`/api/v1/settings/logo?v=${encodeURIComponent(s.updatedAt)}`}
            alt={t.settings.logoAlt}
            className="logo"
          />
        ) : null}
        <p className="hint">{t.settings.logoHint}</p>
        <div className="actions-bar">
          <input
            type="file"
            accept="image/png,image/jpeg"
            aria-label={t.settings.logoFile}
            disabled={logo.busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void logo.submit(file);
            }}
          />
          {s.hasLogo ? (
            <button type="button" disabled={logo.busy} onClick={() => void logo.submit(null)}>
              {t.settings.removeLogo}
            </button>
          ) : null}
        </div>
      </div>
      <form key={formVersion} className="card form-grid" onSubmit={submit} noValidate>
        <FormError message={error} />
        {saved ? (
          <p className="notice" role="status">
            {t.app.saved}
          </p>
        ) : null}
        <Field label={t.settings.businessName} name="name" defaultValue={s.name} error={errors.name} />
        <SelectField
          label={t.settings.language}
          id="locale"
          name="locale"
          defaultValue={s.locale}
          hint={t.settings.languageHint}
          error={errors.locale}
        >
          <LanguageOptions />
        </SelectField>
        <Field
          label={t.field.email}
          name="email"
          type="email"
          defaultValue={s.email ?? ''}
          error={errors.email}
        />
        <Field label={t.field.phone} name="phone" defaultValue={s.phone ?? ''} error={errors.phone} />
        <fieldset>
          <legend>{t.settings.address}</legend>
          <Field label={t.field.street} name="street" defaultValue={s.address.street ?? ''} />
          <div className="row">
            <Field label={t.field.city} name="city" defaultValue={s.address.city ?? ''} />
            <Field label={t.field.state} name="state" defaultValue={s.address.state ?? ''} />
          </div>
          <div className="row">
            <Field label={t.field.postalCode} name="postalCode" defaultValue={s.address.postalCode ?? ''} />
            <Field
              label={t.settings.countryCode}
              name="country"
              maxLength={2}
              defaultValue={s.address.country ?? ''}
              error={errors['address.country']}
            />
          </div>
        </fieldset>
        <Field label={t.field.taxId} name="taxId" defaultValue={s.taxId ?? ''} error={errors.taxId} />
        <TextAreaField
          label={t.settings.paymentInstructions}
          id="paymentInstructions"
          name="paymentInstructions"
          rows={3}
          defaultValue={s.paymentInstructions ?? ''}
          error={errors.paymentInstructions}
          hint={t.settings.paymentInstructionsHint}
        />
        <div className="row">
          <Field
            label={t.settings.defaultCurrency}
            name="currency"
            maxLength={3}
            defaultValue={s.currency}
            error={errors.currency}
          />
          <Field
            label={t.settings.paymentTerms}
            name="paymentTermsDays"
            type="number"
            min={0}
            max={365}
            defaultValue={s.paymentTermsDays}
            error={errors.paymentTermsDays}
          />
        </div>
        <div className="row">
          <Field
            label={t.settings.invoiceNumbers}
            name="invoiceNumberFormat"
            defaultValue={s.invoiceNumberFormat}
            hint={t.settings.numberFormatHint}
            error={errors.invoiceNumberFormat}
          />
          <Field
            label={t.settings.estimateNumbers}
            name="estimateNumberFormat"
            defaultValue={s.estimateNumberFormat}
            error={errors.estimateNumberFormat}
          />
          <Field
            label={t.credit.numbers}
            name="creditNoteNumberFormat"
            defaultValue={s.creditNoteNumberFormat}
            error={errors.creditNoteNumberFormat}
          />
        </div>
        <fieldset>
          <legend>{t.settings.notifyLegend}</legend>
          <label className="check">
            <input
              type="checkbox"
              name="notifyEstimateDecisions"
              defaultChecked={s.notifications.estimateDecisions}
            />{' '}
            {t.settings.notifyEstimates}
          </label>
          <label className="check">
            <input
              type="checkbox"
              name="notifyOnlinePayments"
              defaultChecked={s.notifications.onlinePayments}
            />{' '}
            {t.settings.notifyPayments}
          </label>
          <label className="check">
            <input type="checkbox" name="notifyTickets" defaultChecked={s.notifications.tickets} />{' '}
            {t.settings.notifyTickets}
          </label>
          <p className="hint">{t.settings.notifyHint}</p>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={save.busy}>
            {t.settings.save}
          </button>
        </div>
      </form>
      <h2>{t.reminders.title}</h2>
      <ReminderSteps />
      <h2>{t.settings.stripe}</h2>
      <StripeSettings />
      <h2>{t.twoFactor.title}</h2>
      <TwoFactorRequirement />
      <h2>{t.settings.templates}</h2>
      <TemplateEditor />
      <h2>{t.settings.apiKeys}</h2>
      <ApiKeys />
      {can('team') ? (
        <>
          <h2 id="team">{t.team.title}</h2>
          <TeamSettings />
        </>
      ) : null}
      {session?.role === 'owner' || session?.role === 'admin' ? (
        <>
          <h2>{t.audit.title}</h2>
          <div className="card">
            <p className="muted">{t.audit.intro}</p>
            <Link className="button" to="/settings/audit-log">
              {t.audit.open}
            </Link>
          </div>
        </>
      ) : null}
      {session?.role === 'owner' ? <CloseBusiness businessName={s.name} /> : null}
    </section>
  );
}
