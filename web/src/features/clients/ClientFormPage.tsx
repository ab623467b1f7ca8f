import { COUNTRY_CODES, LANGUAGES } from '@clientele/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { oneOf } from '../../api/http';
import type { Client, ClientInput } from '../../api/types';
import { useWords } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { LanguageOptions } from '../../ui/LanguageOptions';
import { isNotFound, problemText } from '../../ui/problemText';
import { useApiForm } from '../../ui/useApiForm';
import { EmailLog } from '../emails/EmailLog';
import { PortalAccess } from '../portal-access/PortalAccess';
import { useCan } from '../team/can';
import { TemplateEditor } from '../templates/TemplateEditor';
import { ClientOverview } from './ClientOverview';
import { clientQueries } from './queries';
import { archiveClient, createClient, updateClient } from './writes';

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
    language: oneOf(LANGUAGES, text('language')),
    currency: text('currency') || undefined,
    notes: text('notes'),
  };
}

export function ClientFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { t, locale, date } = useWords();
  const canWrite = useCan()('write');
  const countries = useCountryOptions(locale);
  const queryClient = useQueryClient();
  const loaded = useQuery(clientQueries.detail(id ?? ''));
  const client = id ? (loaded.data ?? null) : null;
  const loadError = loaded.error
    ? isNotFound(loaded.error)
      ? t.client.notFound
      : problemText(loaded.error, t)
    : null;
  // A saved client is the new truth for every view of it (the 360°, lists).
  const setClient = (c: Client) => {
    queryClient.setQueryData(clientQueries.detail(c.id).queryKey, c);
    void queryClient.invalidateQueries({ queryKey: clientQueries.lists() });
  };
  const [saved, setSaved] = useState(false);
  const { ask, dialog } = useConfirm();
  const save = useApiForm({
    action: (input: ClientInput, key) => (id ? updateClient(id, input, key) : createClient(input, key)),
    onSuccess: (c) => {
      if (id) {
        setClient(c);
        setSaved(true);
      } else navigate(`/clients/${c.id}`, { replace: true, state: { created: true } });
    },
    whenFieldsNamed: 'correct-fields',
    fallback: t.app.couldNotSave,
  });
  const errors = save.fieldErrors;
  const archive = useApiForm({
    action: (clientId: string, key) => archiveClient(clientId, key),
    onSuccess: (c) => {
      setClient(c);
      navigate('/clients');
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    void save.submit(inputFrom(new FormData(e.currentTarget)));
  }

  async function confirmArchive() {
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
    await archive.submit(id);
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
        {canWrite ? null : <p className="hint">{t.client.readOnly}</p>}
        <FormError message={save.error ?? archive.error} />
        {/* A role that may not change clients sees the profile, every field disabled. */}
        <fieldset className="unframed" disabled={!canWrite}>
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
              <LanguageOptions />
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
        </fieldset>
        {canWrite ? (
          <div className="actions">
            <button type="submit" className="primary" disabled={save.busy}>
              {save.busy ? t.app.saving : c ? t.client.saveChanges : t.client.create}
            </button>
            {c && !c.archivedAt ? (
              <button type="button" className="danger" disabled={archive.busy} onClick={confirmArchive}>
                {t.client.archive}
              </button>
            ) : null}
          </div>
        ) : null}
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
