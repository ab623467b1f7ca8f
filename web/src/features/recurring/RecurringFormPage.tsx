import { parseDecimal, parseUserNumber, toDecimalString, totals } from '@clientele/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { RecurringInvoice, RecurringInvoiceInput } from '../../api/types';
import { useWords } from '../../i18n';
import { todayIso } from '../../ui/dates';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { LineInputCell } from '../../ui/LineInputCell';
import { useApiForm } from '../../ui/useApiForm';
import { ClientPicker } from '../clients/ClientPicker';
import { clientQueries } from '../clients/queries';
import { recurringQueries } from './queries';
import { createRecurring, updateRecurring } from './writes';

type Frequency = RecurringInvoice['schedule']['frequency'];
const FREQUENCIES: Frequency[] = ['weekly', 'monthly', 'quarterly', 'yearly'];

interface EditableLine {
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
}

const blankLine = (): EditableLine => ({ description: '', quantity: '1', unitPrice: '', taxRate: '' });

/** The one exclusive tax typed in a line's box, if any. */
function taxesOf(l: EditableLine) {
  const rate = parseUserNumber(l.taxRate);
  return rate ? [{ rate, inclusive: false }] : [];
}

const optionalNumber = (text: string) => (text.trim() === '' ? null : parseUserNumber(text));

/** Creates or edits a recurring invoice: who and what to bill, and the schedule. */
export function RecurringFormPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { t, money, decimal } = useWords();
  const [clientId, setClientId] = useState(search.get('clientId') ?? '');
  const [currency, setCurrency] = useState('');
  const [lines, setLines] = useState<EditableLine[]>([blankLine()]);
  const [notes, setNotes] = useState('');
  const [terms, setTerms] = useState('');
  const [frequency, setFrequency] = useState<Frequency>('monthly');
  const [interval, setEvery] = useState('1');
  const [dayOfMonth, setDayOfMonth] = useState('');
  const [startDate, setStartDate] = useState(todayIso());
  const [endDate, setEndDate] = useState('');
  const [count, setCount] = useState('');
  const [timeZone, setTimeZone] = useState('');
  const [autoSend, setAutoSend] = useState(false);

  const save = useApiForm({
    action: ({ body, keepSchedule }: { body: RecurringInvoiceInput; keepSchedule: boolean }, key) => {
      if (!id) return createRecurring(body, key);
      // A new schedule moves the next run; an edit that leaves it as it was (a note, a price) must not.
      const { schedule: _schedule, timeZone: _timeZone, ...rest } = body;
      return updateRecurring(id, keepSchedule ? rest : body, key);
    },
    onSuccess: (rec) => {
      queryClient.setQueryData(recurringQueries.detail(rec.id).queryKey, rec);
      navigate(`/recurring/${rec.id}`, { replace: true });
    },
    invalidates: [recurringQueries.all()],
    whenFieldsNamed: 'correct-fields',
    fallback: t.app.couldNotSave,
  });
  const errors = save.fieldErrors;

  const existing = useQuery(recurringQueries.detail(id ?? '')).data;
  // The form edits a copy, taken once: a background refetch must not overwrite typing.
  const copied = useRef<string | null>(null);
  useEffect(() => {
    const r = existing;
    if (!r || copied.current === r.id) return;
    copied.current = r.id;
    setClientId(r.clientId);
    setCurrency(r.currency);
    setLines(
      r.lines.map((l) => ({
        description: l.description,
        quantity: decimal(String(l.quantity)),
        unitPrice: decimal(toDecimalString(l.unitPrice, r.currency)),
        taxRate: l.taxRate ? decimal(String(l.taxRate)) : '',
      })),
    );
    setNotes(r.notes ?? '');
    setTerms(r.paymentTermsDays === null ? '' : String(r.paymentTermsDays));
    setFrequency(r.schedule.frequency);
    setEvery(String(r.schedule.interval));
    setDayOfMonth(r.schedule.dayOfMonth ? String(r.schedule.dayOfMonth) : '');
    setStartDate(r.schedule.startDate);
    setEndDate(r.schedule.endDate ?? '');
    setCount(r.schedule.count ? String(r.schedule.count) : '');
    setTimeZone(r.timeZone);
    setAutoSend(r.autoSend);
  }, [existing, decimal]);

  const client = useQuery(clientQueries.detail(clientId)).data;
  const cur = currency || client?.currency || 'EUR';
  // Each invoice's total with the API's own arithmetic.
  const preview = useMemo(() => {
    try {
      return totals(
        lines.map((l) => ({
          description: l.description,
          quantity: parseUserNumber(l.quantity) || 0,
          unitPrice: parseDecimal(l.unitPrice, cur) || 0,
          taxes: taxesOf(l),
        })),
        0,
      );
    } catch {
      return null;
    }
  }, [lines, cur]);

  const update = (i: number, patch: Partial<EditableLine>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  function submit(e: FormEvent) {
    e.preventDefault();
    const weekly = frequency === 'weekly';
    const schedule = {
      frequency,
      interval: optionalNumber(interval) ?? 1,
      dayOfMonth: weekly ? null : optionalNumber(dayOfMonth),
      startDate,
      endDate: endDate || null,
      count: optionalNumber(count),
    };
    const was = existing?.schedule;
    const keepSchedule =
      !!was &&
      schedule.frequency === was.frequency &&
      schedule.interval === was.interval &&
      schedule.dayOfMonth === (was.dayOfMonth ?? null) &&
      schedule.startDate === was.startDate &&
      schedule.endDate === (was.endDate ?? null) &&
      schedule.count === (was.count ?? null) &&
      (timeZone.trim() || existing?.timeZone) === existing?.timeZone;
    const body: RecurringInvoiceInput = {
      clientId,
      ...(currency ? { currency } : {}),
      lines: lines.map((l) => ({
        description: l.description,
        quantity: parseUserNumber(l.quantity),
        unitPrice: parseDecimal(l.unitPrice, cur),
        taxes: taxesOf(l),
      })),
      notes,
      paymentTermsDays: optionalNumber(terms),
      schedule,
      autoSend,
      ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}),
    };
    void save.submit({ body, keepSchedule });
  }

  return (
    <section>
      <div className="page-head">
        <h1>{id ? t.recurring.edit : t.recurring.new}</h1>
        <Link to={id ? `/recurring/${id}` : '/recurring'}>{t.recurring.all}</Link>
      </div>
      <form className="card form-grid" onSubmit={submit} noValidate>
        <FormError message={save.error} />
        <div className="row">
          <ClientPicker
            label={t.recurring.client}
            id="clientId"
            value={clientId}
            onChange={(c) => setClientId(c.id)}
            placeholder={t.editor.chooseClient}
            error={errors.clientId}
          />
          <Field
            label={t.field.currency}
            id="currency"
            value={currency}
            placeholder={client?.currency ?? t.editor.clientDefault}
            maxLength={3}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            error={errors.currency}
          />
        </div>
        <fieldset className="form-grid">
          <legend>{t.recurring.schedule}</legend>
          <div className="row">
            <SelectField
              label={t.recurring.repeats}
              id="frequency"
              value={frequency}
              onChange={(e) => setFrequency(FREQUENCIES.find((f) => f === e.target.value) ?? 'monthly')}
              error={errors['schedule.frequency']}
            >
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t.recurring.frequencies[f]}
                </option>
              ))}
            </SelectField>
            <Field
              label={t.recurring.interval}
              id="interval"
              inputMode="numeric"
              value={interval}
              onChange={(e) => setEvery(e.target.value)}
              error={errors['schedule.interval']}
            />
          </div>
          <div className="row">
            <Field
              label={t.recurring.startDate}
              id="startDate"
              type="date"
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
              error={errors['schedule.startDate']}
            />
            {frequency === 'weekly' ? null : (
              <Field
                label={t.recurring.dayOfMonth}
                id="dayOfMonth"
                inputMode="numeric"
                value={dayOfMonth}
                onChange={(e) => setDayOfMonth(e.target.value)}
                error={errors['schedule.dayOfMonth']}
                hint={t.recurring.dayOfMonthHint}
              />
            )}
          </div>
          <div className="row">
            <Field
              label={t.recurring.endDate}
              id="endDate"
              type="date"
              value={endDate}
              onChange={(e) => setEndDate(e.target.value)}
              error={errors['schedule.endDate']}
            />
            <Field
              label={t.recurring.count}
              id="count"
              inputMode="numeric"
              value={count}
              onChange={(e) => setCount(e.target.value)}
              error={errors['schedule.count']}
            />
          </div>
          <Field
            label={t.recurring.timeZone}
            id="timeZone"
            value={timeZone}
            placeholder="Europe/Lisbon"
            onChange={(e) => setTimeZone(e.target.value)}
            error={errors.timeZone}
            hint={t.recurring.timeZoneHint}
          />
        </fieldset>
        <p className="hint">{t.recurring.placeholders}</p>
        <div className="table-scroll">
          <table className="lines">
            <thead>
              <tr>
                <th>{t.editor.description}</th>
                <th className="num">{t.editor.quantity}</th>
                <th className="num">{t.editor.unitPrice}</th>
                <th className="num">{t.editor.taxColumn}</th>
                <th className="num">{t.editor.amount}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id
                <tr key={i}>
                  <LineInputCell
                    label={t.editor.lineDescription(i + 1)}
                    value={l.description}
                    onChange={(v) => update(i, { description: v })}
                    error={errors[`lines.${i}.description`]}
                  />
                  <LineInputCell
                    label={t.editor.lineQuantity(i + 1)}
                    numeric
                    value={l.quantity}
                    onChange={(v) => update(i, { quantity: v })}
                    error={errors[`lines.${i}.quantity`]}
                  />
                  <LineInputCell
                    label={t.editor.lineUnitPrice(i + 1)}
                    numeric
                    value={l.unitPrice}
                    onChange={(v) => update(i, { unitPrice: v })}
                    error={errors[`lines.${i}.unitPrice`]}
                  />
                  <td>
                    <input
                      aria-label={t.editor.lineTax(i + 1)}
                      inputMode="decimal"
                      className="num"
                      value={l.taxRate}
                      onChange={(e) => update(i, { taxRate: e.target.value.replace(/[^\d.,]/g, '') })}
                    />
                  </td>
                  <td className="num">{preview?.lines[i] ? money(preview.lines[i].amount, cur) : '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-label={t.editor.removeLine(i + 1)}
                      onClick={() => setLines(lines.filter((_, j) => j !== i))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {errors.lines ? <p className="field-error">{errors.lines}</p> : null}
        <div>
          <button type="button" onClick={() => setLines([...lines, blankLine()])}>
            {t.editor.addLine}
          </button>
        </div>
        <dl className="totals" aria-live="polite">
          <dt className="strong">{t.editor.total}</dt>
          <dd className="strong" data-testid="total">
            {preview ? money(preview.total, cur) : '—'}
          </dd>
        </dl>
        <div className="row">
          <Field
            label={t.recurring.paymentTerms}
            id="paymentTermsDays"
            inputMode="numeric"
            value={terms}
            onChange={(e) => setTerms(e.target.value)}
            error={errors.paymentTermsDays}
            hint={t.recurring.paymentTermsHint}
          />
        </div>
        <TextAreaField
          label={t.field.notes}
          id="notes"
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={errors.notes}
        />
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={autoSend}
              aria-describedby="autoSend-hint"
              onChange={(e) => setAutoSend(e.target.checked)}
            />{' '}
            {t.recurring.autoSend}
          </label>
          <p id="autoSend-hint" className="hint">
            {t.recurring.autoSendHint}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={save.busy}>
            {save.busy ? t.app.saving : t.recurring.save}
          </button>
        </div>
      </form>
    </section>
  );
}
