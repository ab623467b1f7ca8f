import { COUNTRY_CODES, LANGUAGE_NAMES, LANGUAGES } from '@clientele/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, type Client, type ClientInput } from '../api';
import { ClientOverview } from '../components/ClientOverview';
import { useConfirm } from '../components/ConfirmDialog';
import { EmailLog } from '../components/EmailLog';
import { Field, SelectField, TextAreaField } from '../components/Field';
import { FormError } from '../components/FormError';
import { PortalAccess } from '../components/PortalAccess';
import { TemplateEditor } from '../components/TemplateEditor';
import { problemText } from '../errors';
import { useWords } from '../i18n';
import { keys } from '../queries';

/** Countries named and sorted in the app's language. */
function useCountryOptions(locale: string) {
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale, 'en'], { type: 'region' });
    const collator = new Intl.Collator(locale);
    return [...COUNTRY_CODES]
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [locale]);
}

function inputFrom(form: FormData): ClientInput {
  const text = (k: string) => String(form.get(k) ?? '');
  return {
    name: text('name'),
    company: text('company'),
    email: text('email'),
    phone: text('phone'),
    billingAddress: {
      street: text('street'),
      city: text('city'),
      state: text('state'),
      postalCode: text('postalCode'),
      country: text('country'),
    },
    taxId: text('taxId'),
    // Empty selects mean "use the business default", which the API applies when omitted.
    language: (text('language') || undefined) as ClientInput['language'],
    currency: text('currency') || undefined,
    notes: text('notes'),
  };
}

export function ClientFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { t, locale, date } = useWords();
  const countries = useCountryOptions(locale);
  const queryClient = useQueryClient();
  const loaded = useQuery({
    queryKey: keys.client(id ?? ''),
    queryFn: () => api.getClient(id ?? ''),
    enabled: Boolean(id),
  });
  const client = id ? (loaded.data ?? null) : null;
  const loadError = loaded.error
    ? loaded.error instanceof ApiError && loaded.error.status === 404
      ? t.client.notFound
      : problemText(loaded.error, t)
    : null;
  // A saved client is the new truth for every view of it (the 360°, lists).
  const setClient = (c: Client) => {
    queryClient.setQueryData(keys.client(c.id), c);
    void queryClient.invalidateQueries({ queryKey: ['clients'] });
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const { ask, dialog } = useConfirm();

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    setSaved(false);
    try {
      const input = inputFrom(new FormData(e.currentTarget));
      if (id) {
        setClient(await api.updateClient(id, input));
        setSaved(true);
      } else {
        const created = await api.createClient(input);
        navigate(`/clients/${created.id}`, { replace: true, state: { created: true } });
      }
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setError(err.problem.errors.length ? t.app.correctFields : problemText(err, t));
      } else setError(t.app.couldNotSave);
    } finally {
      setBusy(false);
    }
  }

  async function archive() {
    if (
      !id ||
      !(await ask({
        title: t.client.archiveTitle,
        message: t.client.archiveMessage,
        confirmLabel: t.client.archive,
        danger: true,
      }))
    ) {
      return;
    }
    setClient(await api.archiveClient(id));
    navigate('/clients');
  }

  if (loadError) return <p className="form-error">{loadError}</p>;
  if (id && !client) return <p className="muted">{t.app.loading}</p>;

  const c = client;
  return (
    <section>
      {dialog}
      <div className="page-head">
        <h1>{c ? c.name : t.clients.newClient}</h1>
        <Link to="/clients">{t.client.allClients}</Link>
      </div>
      {c ? <ClientOverview client={c} /> : null}
      {c ? <h2>{t.client.profile}</h2> : null}
      {c?.archivedAt ? <p className="notice">{t.client.archivedOn(date(c.archivedAt))}</p> : null}
      <form key={c?.updatedAt ?? 'new'} className="card form-grid" onSubmit={submit} noValidate>
        <FormError message={error} />
        {saved ? (
          <p className="notice" role="status">
            {t.app.saved}
          </p>
        ) : null}
        <Field
          label={t.field.name}
          name="name"
          defaultValue={c?.name}
          required
          autoFocus={!c}
          error={errors.name}
        />
        <Field
          label={t.field.company}
          name="company"
          defaultValue={c?.company ?? ''}
          error={errors.company}
        />
        <Field
          label={t.field.email}
          name="email"
          type="email"
          defaultValue={c?.email ?? ''}
          error={errors.email}
        />
        <Field
          label={t.field.phone}
          name="phone"
          type="tel"
          defaultValue={c?.phone ?? ''}
          error={errors.phone}
        />
        <fieldset>
          <legend>{t.client.billingAddress}</legend>
          <Field
            label={t.field.street}
            name="street"
            defaultValue={c?.billingAddress.street ?? ''}
            error={errors['billingAddress.street']}
          />
          <div className="row">
            <Field
              label={t.field.city}
              name="city"
              defaultValue={c?.billingAddress.city ?? ''}
              error={errors['billingAddress.city']}
            />
            <Field
              label={t.field.state}
              name="state"
              defaultValue={c?.billingAddress.state ?? ''}
              error={errors['billingAddress.state']}
            />
          </div>
          <div className="row">
            <Field
              label={t.field.postalCode}
              name="postalCode"
              defaultValue={c?.billingAddress.postalCode ?? ''}
              error={errors['billingAddress.postalCode']}
            />
            <SelectField
              label={t.field.country}
              id="country"
              name="country"
              defaultValue={c?.billingAddress.country ?? ''}
              error={errors['billingAddress.country']}
            >
              <option value="">—</option>
              {countries.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </SelectField>
          </div>
        </fieldset>
        <Field label={t.field.taxId} name="taxId" defaultValue={c?.taxId ?? ''} error={errors.taxId} />
        <div className="row">
          <SelectField
            label={t.client.documentLanguage}
            id="language"
            name="language"
            defaultValue={c?.language ?? ''}
            error={errors.language}
          >
            {c ? null : <option value="">{t.client.businessDefault}</option>}
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </SelectField>
          <Field
            label={t.field.currency}
            name="currency"
            defaultValue={c?.currency ?? ''}
            placeholder={t.client.businessDefault}
            maxLength={3}
            error={errors.currency}
          />
        </div>
        <TextAreaField
          label={t.field.notes}
          id="notes"
          name="notes"
          rows={3}
          defaultValue={c?.notes ?? ''}
          error={errors.notes}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t.app.saving : c ? t.client.saveChanges : t.client.create}
          </button>
          {c && !c.archivedAt ? (
            <button type="button" className="danger" onClick={archive}>
              {t.client.archive}
            </button>
          ) : null}
        </div>
      </form>
      {c ? (
        <>
          <h2>{t.client.templates}</h2>
          <p className="hint">{t.client.templatesHint}</p>
          <TemplateEditor clientId={c.id} language={c.language} />
          <h2>{t.client.portalAccess}</h2>
          <PortalAccess client={c} onClientChange={setClient} />
          <h2>{t.client.emails}</h2>
          <EmailLog clientId={c.id} />
        </>
      ) : null}
    </section>
  );
}
