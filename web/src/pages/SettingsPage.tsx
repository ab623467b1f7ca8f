import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api, type Settings } from '../api';
import { ApiKeys } from '../components/ApiKeys';
import { Field, TextAreaField } from '../components/Field';
import { FormError } from '../components/FormError';
import { StripeSettings } from '../components/StripeSettings';
import { TemplateEditor } from '../components/TemplateEditor';
import { keys } from '../queries';

export function SettingsPage() {
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: keys.settings, queryFn: api.getSettings });
  const settings = loaded.data ?? null;
  const setSettings = (next: Settings) => queryClient.setQueryData(keys.settings, next);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // The form shows the saved values again only after a save of the form itself: a logo
  // upload (which also changes the settings) must never wipe what is being typed.
  const [formVersion, setFormVersion] = useState(0);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '');
    setErrors({});
    setError(null);
    setSaved(false);
    try {
      setSettings(
        await api.updateSettings({
          name: text('name'),
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
          paymentTermsDays: Number(text('paymentTermsDays')),
          reminders: {
            enabled: f.get('remindersEnabled') === 'on',
            daysAfterDue: Number(text('reminderDaysAfterDue')),
          },
          notifications: {
            estimateDecisions: f.get('notifyEstimateDecisions') === 'on',
            onlinePayments: f.get('notifyOnlinePayments') === 'on',
            tickets: f.get('notifyTickets') === 'on',
          },
        }),
      );
      setSaved(true);
      setFormVersion((v) => v + 1);
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setError(err.problem.errors.length ? 'Please correct the highlighted fields.' : err.message);
      } else setError('Could not save');
    }
  }

  if (!settings) {
    const problem = error ?? (loaded.error ? loaded.error.message : null);
    return problem ? <FormError message={problem} /> : <p className="muted">Loading…</p>;
  }
  const s = settings;
  return (
    <section>
      <div className="page-head">
        <h1>Business settings</h1>
      </div>
      <div className="card logo-card">
        <h3>Logo</h3>
        {s.hasLogo ? (
          <img
            src={`/api/v1/settings/logo?v=${encodeURIComponent(s.updatedAt)}`}
            alt="Business logo"
            className="logo"
          />
        ) : null}
        <p className="hint">PNG or JPEG up to 512 KB, printed on documents issued from now on.</p>
        <div className="actions-bar">
          <input
            type="file"
            accept="image/png,image/jpeg"
            aria-label="Logo file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              try {
                setSettings(await api.uploadLogo(file));
              } catch (err) {
                setError(err instanceof ApiError ? err.message : String(err));
              }
            }}
          />
          {s.hasLogo ? (
            <button
              type="button"
              onClick={async () => {
                await api.deleteLogo();
                setSettings({ ...s, hasLogo: false });
              }}
            >
              Remove logo
            </button>
          ) : null}
        </div>
      </div>
      <form key={formVersion} className="card form-grid" onSubmit={submit} noValidate>
        <FormError message={error} />
        {saved ? (
          <p className="notice" role="status">
            Saved.
          </p>
        ) : null}
        <Field label="Business name" name="name" defaultValue={s.name} error={errors.name} />
        <Field label="Email" name="email" type="email" defaultValue={s.email ?? ''} error={errors.email} />
        <Field label="Phone" name="phone" defaultValue={s.phone ?? ''} error={errors.phone} />
        <fieldset>
          <legend>Address printed on documents</legend>
          <Field label="Street" name="street" defaultValue={s.address.street ?? ''} />
          <div className="row">
            <Field label="City" name="city" defaultValue={s.address.city ?? ''} />
            <Field label="State / province" name="state" defaultValue={s.address.state ?? ''} />
          </div>
          <div className="row">
            <Field label="Postal code" name="postalCode" defaultValue={s.address.postalCode ?? ''} />
            <Field
              label="Country (ISO code)"
              name="country"
              maxLength={2}
              defaultValue={s.address.country ?? ''}
              error={errors['address.country']}
            />
          </div>
        </fieldset>
        <Field label="Tax / VAT ID" name="taxId" defaultValue={s.taxId ?? ''} error={errors.taxId} />
        <TextAreaField
          label="Payment instructions"
          id="paymentInstructions"
          name="paymentInstructions"
          rows={3}
          defaultValue={s.paymentInstructions ?? ''}
          error={errors.paymentInstructions}
          hint="Bank details and terms, printed on every invoice and shown in the client portal. An invoice's own footer replaces them."
        />
        <div className="row">
          <Field
            label="Default currency"
            name="currency"
            maxLength={3}
            defaultValue={s.currency}
            error={errors.currency}
          />
          <Field
            label="Payment terms (days)"
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
            label="Invoice numbers"
            name="invoiceNumberFormat"
            defaultValue={s.invoiceNumberFormat}
            hint="{YYYY} year, {seq:4} sequence"
            error={errors.invoiceNumberFormat}
          />
          <Field
            label="Estimate numbers"
            name="estimateNumberFormat"
            defaultValue={s.estimateNumberFormat}
            error={errors.estimateNumberFormat}
          />
        </div>
        <fieldset>
          <legend>Overdue reminders</legend>
          <label className="check">
            <input type="checkbox" name="remindersEnabled" defaultChecked={s.reminders.enabled} /> Email a
            reminder when an invoice is overdue
          </label>
          <Field
            label="Days after the due date"
            name="reminderDaysAfterDue"
            type="number"
            min={1}
            max={365}
            defaultValue={s.reminders.daysAfterDue}
            error={errors['reminders.daysAfterDue']}
          />
        </fieldset>
        <fieldset>
          <legend>Email me when a client…</legend>
          <label className="check">
            <input
              type="checkbox"
              name="notifyEstimateDecisions"
              defaultChecked={s.notifications.estimateDecisions}
            />{' '}
            accepts or declines an estimate
          </label>
          <label className="check">
            <input
              type="checkbox"
              name="notifyOnlinePayments"
              defaultChecked={s.notifications.onlinePayments}
            />{' '}
            pays an invoice online
          </label>
          <label className="check">
            <input type="checkbox" name="notifyTickets" defaultChecked={s.notifications.tickets} /> opens a
            support ticket
          </label>
          <p className="hint">Sent to the business email above; the dashboard lists them either way.</p>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            Save settings
          </button>
        </div>
      </form>
      <h2>Online payments (Stripe)</h2>
      <StripeSettings />
      <h2>Email templates</h2>
      <TemplateEditor />
      <h2>API keys</h2>
      <ApiKeys />
    </section>
  );
}
