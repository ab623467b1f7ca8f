import { COUNTRY_CODES, LANGUAGES } from '@clientele/core';
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
import { keys } from '../queries';

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  ru: 'Русский',
  pt: 'Português',
  it: 'Italiano',
  ja: '日本語',
};

function useCountryOptions() {
  return useMemo(() => {
    const names = new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' });
    return [...COUNTRY_CODES]
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, []);
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
  const countries = useCountryOptions();
  const queryClient = useQueryClient();
  const loaded = useQuery({
    queryKey: keys.client(id ?? ''),
    queryFn: () => api.getClient(id ?? ''),
    enabled: Boolean(id),
  });
  const client = id ? (loaded.data ?? null) : null;
  const loadError = loaded.error
    ? loaded.error instanceof ApiError && loaded.error.status === 404
      ? 'Client not found.'
      : loaded.error.message
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
        setError(err.problem.errors.length ? 'Please correct the highlighted fields.' : err.message);
      } else setError('Could not save');
    } finally {
      setBusy(false);
    }
  }

  async function archive() {
    if (
      !id ||
      !(await ask({
        title: 'Archive this client?',
        message: 'Their documents are kept; their portal access ends now.',
        confirmLabel: 'Archive',
        danger: true,
      }))
    ) {
      return;
    }
    setClient(await api.archiveClient(id));
    navigate('/clients');
  }

  if (loadError) return <p className="form-error">{loadError}</p>;
  if (id && !client) return <p className="muted">Loading…</p>;

  const c = client;
  return (
    <section>
      {dialog}
      <div className="page-head">
        <h1>{c ? c.name : 'New client'}</h1>
        <Link to="/clients">← All clients</Link>
      </div>
      {c ? <ClientOverview client={c} /> : null}
      {c ? <h2>Profile</h2> : null}
      {c?.archivedAt ? (
        <p className="notice">Archived on {new Date(c.archivedAt).toLocaleDateString()}.</p>
      ) : null}
      <form key={c?.updatedAt ?? 'new'} className="card form-grid" onSubmit={submit} noValidate>
        <FormError message={error} />
        {saved ? (
          <p className="notice" role="status">
            Saved.
          </p>
        ) : null}
        <Field label="Name" name="name" defaultValue={c?.name} required autoFocus={!c} error={errors.name} />
        <Field label="Company" name="company" defaultValue={c?.company ?? ''} error={errors.company} />
        <Field label="Email" name="email" type="email" defaultValue={c?.email ?? ''} error={errors.email} />
        <Field label="Phone" name="phone" type="tel" defaultValue={c?.phone ?? ''} error={errors.phone} />
        <fieldset>
          <legend>Billing address</legend>
          <Field
            label="Street"
            name="street"
            defaultValue={c?.billingAddress.street ?? ''}
            error={errors['billingAddress.street']}
          />
          <div className="row">
            <Field
              label="City"
              name="city"
              defaultValue={c?.billingAddress.city ?? ''}
              error={errors['billingAddress.city']}
            />
            <Field
              label="State / province"
              name="state"
              defaultValue={c?.billingAddress.state ?? ''}
              error={errors['billingAddress.state']}
            />
          </div>
          <div className="row">
            <Field
              label="Postal code"
              name="postalCode"
              defaultValue={c?.billingAddress.postalCode ?? ''}
              error={errors['billingAddress.postalCode']}
            />
            <SelectField
              label="Country"
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
        <Field label="Tax / VAT ID" name="taxId" defaultValue={c?.taxId ?? ''} error={errors.taxId} />
        <div className="row">
          <SelectField
            label="Document language"
            id="language"
            name="language"
            defaultValue={c?.language ?? ''}
            error={errors.language}
          >
            {c ? null : <option value="">Business default</option>}
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </SelectField>
          <Field
            label="Currency"
            name="currency"
            defaultValue={c?.currency ?? ''}
            placeholder="Business default"
            maxLength={3}
            error={errors.currency}
          />
        </div>
        <TextAreaField
          label="Notes"
          id="notes"
          name="notes"
          rows={3}
          defaultValue={c?.notes ?? ''}
          error={errors.notes}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : c ? 'Save changes' : 'Create client'}
          </button>
          {c && !c.archivedAt ? (
            <button type="button" className="danger" onClick={archive}>
              Archive
            </button>
          ) : null}
        </div>
      </form>
      {c ? (
        <>
          <h2>Email templates</h2>
          <p className="hint">
            An override replaces the business template for this client, subject and body together.
          </p>
          <TemplateEditor clientId={c.id} language={c.language} />
          <h2>Client portal access</h2>
          <PortalAccess client={c} onClientChange={setClient} />
          <h2>Emails</h2>
          <EmailLog clientId={c.id} />
        </>
      ) : null}
    </section>
  );
}
