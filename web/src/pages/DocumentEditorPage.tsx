import { type LineInput, parseDecimal, parseUserNumber, toDecimalString, totals } from '@clientele/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api, type DocType } from '../api';
import { Field, SelectField, TextAreaField } from '../components/Field';
import { FormError } from '../components/FormError';
import { money, todayIso } from '../format';
import { keys } from '../queries';

interface EditableLine {
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  /** Line discount in percent. */
  discount: string;
  /**
   * Taxes the editor cannot show in one "Tax %" box (several, or price-inclusive): kept as
   * they are until the box is changed, so opening and saving never changes an amount.
   */
  keptTaxes?: { rate: number; inclusive: boolean }[] | undefined;
}

const blankLine = (): EditableLine => ({
  description: '',
  quantity: '1',
  unitPrice: '',
  taxRate: '',
  discount: '',
});

/** The taxes a line is saved with: the kept ones, or the one exclusive rate typed in the box. */
function taxesOf(l: EditableLine) {
  if (l.keptTaxes) return l.keptTaxes;
  const rate = parseUserNumber(l.taxRate);
  return rate ? [{ rate, inclusive: false }] : [];
}

export function DocumentEditorPage({ type }: { type: DocType }) {
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const clients =
    useQuery({ queryKey: keys.clients({ limit: 200 }), queryFn: () => api.listClients({ limit: 200 }) }).data
      ?.data ?? [];
  const [clientId, setClientId] = useState(search.get('clientId') ?? '');
  const [currency, setCurrency] = useState('');
  const [issueDate, setIssueDate] = useState(todayIso());
  const [endDate, setEndDate] = useState('');
  const [notes, setNotes] = useState('');
  /** Document discount in percent, taken on every line. */
  const [discount, setDiscount] = useState('');
  const [lines, setLines] = useState<EditableLine[]>([blankLine()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const existing = useQuery({
    queryKey: keys.document(type, id ?? ''),
    queryFn: () => api.getDocument(type, id ?? ''),
    enabled: Boolean(id),
  }).data;
  // The form edits a copy, taken once: a background refetch must not overwrite typing.
  const copied = useRef<string | null>(null);
  useEffect(() => {
    const d = existing;
    if (!d || copied.current === d.id) return;
    copied.current = d.id;
    setClientId(d.clientId);
    setCurrency(d.currency);
    setIssueDate(d.issueDate);
    setEndDate((type === 'invoice' ? d.dueDate : d.validUntil) ?? '');
    setNotes(d.notes ?? '');
    setLines(
      d.lines.map((l) => ({
        description: l.description,
        quantity: String(l.quantity),
        unitPrice: toDecimalString(l.unitPrice, d.currency),
        taxRate: l.taxRate ? String(l.taxRate) : '',
        discount: l.discountPercent ? String(l.discountPercent) : '',
        keptTaxes: l.taxes.length > 1 || l.taxes.some((t) => t.inclusive) ? l.taxes : undefined,
      })),
    );
    setDiscount(d.discountPercent ? String(d.discountPercent) : '');
  }, [existing, type]);

  const client = clients.find((c) => c.id === clientId);
  const cur = currency || client?.currency || 'EUR';

  // Live totals with the same function the API uses, so the preview never disagrees.
  const preview = useMemo(() => {
    const input: LineInput[] = lines.map((l) => ({
      description: l.description,
      quantity: parseUserNumber(l.quantity) || 0,
      unitPrice: parseDecimal(l.unitPrice, cur) || 0,
      discountPercent: parseUserNumber(l.discount) || 0,
      taxes: taxesOf(l),
    }));
    try {
      return totals(input, parseUserNumber(discount) || 0);
    } catch {
      return null;
    }
  }, [lines, cur, discount]);

  const update = (i: number, patch: Partial<EditableLine>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    const body = {
      clientId,
      ...(currency ? { currency } : {}),
      issueDate,
      ...(type === 'invoice' ? { dueDate: endDate || null } : { validUntil: endDate || null }),
      notes,
      lines: lines.map((l) => ({
        description: l.description,
        quantity: parseUserNumber(l.quantity),
        unitPrice: parseDecimal(l.unitPrice, cur),
        discountPercent: l.discount === '' ? 0 : parseUserNumber(l.discount),
        taxes: taxesOf(l),
      })),
      discountPercent: discount === '' ? 0 : parseUserNumber(discount),
    };
    try {
      const doc = id ? await api.updateDocument(type, id, body) : await api.createDocument(type, body);
      for (const queryKey of [['document'], ['documents'], ['client']]) {
        await queryClient.invalidateQueries({ queryKey });
      }
      // Replaces the editor in history: Back from the saved document must not reopen an empty form.
      navigate(`/${type}s/${doc.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setError(err.problem.errors.length ? 'Please correct the highlighted fields.' : err.message);
      } else setError('Could not save');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <div className="page-head">
        <h1>{id ? `Edit draft ${type}` : `New ${type}`}</h1>
        <Link to={`/${type}s`}>← All {type}s</Link>
      </div>
      <form className="card form-grid" onSubmit={submit} noValidate>
        <FormError message={error} />
        <div className="row">
          <SelectField
            label="Client"
            id="clientId"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            required
            error={errors.clientId}
          >
            <option value="">Choose a client…</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.company ? ` — ${c.company}` : ''}
              </option>
            ))}
          </SelectField>
          <Field
            label="Currency"
            id="currency"
            value={currency}
            placeholder={client?.currency ?? 'Client default'}
            maxLength={3}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            error={errors.currency}
          />
        </div>
        <div className="row">
          <Field
            label="Issue date"
            id="issueDate"
            type="date"
            value={issueDate}
            onChange={(e) => setIssueDate(e.target.value)}
            error={errors.issueDate}
          />
          <Field
            label={type === 'invoice' ? 'Due date' : 'Valid until'}
            id="endDate"
            type="date"
            value={endDate}
            onChange={(e) => setEndDate(e.target.value)}
            error={errors.dueDate ?? errors.validUntil}
            hint="Empty: from the business payment terms"
          />
        </div>
        <table className="lines">
          <thead>
            <tr>
              <th>Description</th>
              <th className="num">Qty</th>
              <th className="num">Unit price</th>
              <th className="num">Disc. %</th>
              <th className="num">Tax %</th>
              <th className="num">Amount</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id until saved
              <tr key={i}>
                <td>
                  <input
                    aria-label={`Line ${i + 1} description`}
                    value={l.description}
                    onChange={(e) => update(i, { description: e.target.value })}
                  />
                  {errors[`lines.${i}.description`] ? (
                    <p className="field-error">{errors[`lines.${i}.description`]}</p>
                  ) : null}
                </td>
                <td>
                  <input
                    aria-label={`Line ${i + 1} quantity`}
                    inputMode="decimal"
                    className="num"
                    value={l.quantity}
                    onChange={(e) => update(i, { quantity: e.target.value })}
                  />
                  {errors[`lines.${i}.quantity`] ? (
                    <p className="field-error">{errors[`lines.${i}.quantity`]}</p>
                  ) : null}
                </td>
                <td>
                  <input
                    aria-label={`Line ${i + 1} unit price`}
                    inputMode="decimal"
                    className="num"
                    value={l.unitPrice}
                    onChange={(e) => update(i, { unitPrice: e.target.value })}
                  />
                  {errors[`lines.${i}.unitPrice`] ? (
                    <p className="field-error">{errors[`lines.${i}.unitPrice`]}</p>
                  ) : null}
                </td>
                <td>
                  <input
                    aria-label={`Line ${i + 1} discount percent`}
                    inputMode="decimal"
                    className="num"
                    value={l.discount}
                    onChange={(e) => update(i, { discount: e.target.value })}
                  />
                  {errors[`lines.${i}.discountPercent`] ? (
                    <p className="field-error">{errors[`lines.${i}.discountPercent`]}</p>
                  ) : null}
                </td>
                <td>
                  <input
                    aria-label={`Line ${i + 1} tax rate`}
                    inputMode="decimal"
                    className="num"
                    value={
                      l.keptTaxes
                        ? l.keptTaxes.map((t) => `${t.rate}${t.inclusive ? ' incl.' : ''}`).join(' + ')
                        : l.taxRate
                    }
                    onChange={(e) =>
                      update(i, { taxRate: e.target.value.replace(/[^\d.,]/g, ''), keptTaxes: undefined })
                    }
                  />
                </td>
                <td className="num">{preview?.lines[i] ? money(preview.lines[i].amount, cur) : '—'}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={`Remove line ${i + 1}`}
                    onClick={() => setLines(lines.filter((_, j) => j !== i))}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <button type="button" onClick={() => setLines([...lines, blankLine()])}>
            + Add line
          </button>
        </div>
        <Field
          label={`Discount on the whole ${type} (%)`}
          id="discount"
          inputMode="decimal"
          value={discount}
          onChange={(e) => setDiscount(e.target.value)}
          error={errors.discountPercent}
        />
        <dl className="totals" aria-live="polite">
          <dt>Subtotal</dt>
          <dd data-testid="subtotal">{preview ? money(preview.subtotal, cur) : '—'}</dd>
          {preview && preview.discountTotal > 0 ? (
            <>
              <dt>Discount</dt>
              <dd data-testid="discount">−{money(preview.discountTotal, cur)}</dd>
            </>
          ) : null}
          {preview?.taxes.map((t) => (
            <div key={`${t.rate}`} className="contents">
              <dt>Tax {t.rate}%</dt>
              <dd>{money(t.amount, cur)}</dd>
            </div>
          ))}
          <dt className="strong">Total</dt>
          <dd className="strong" data-testid="total">
            {preview ? money(preview.total, cur) : '—'}
          </dd>
        </dl>
        <TextAreaField
          label="Notes"
          id="notes"
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={errors.notes}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save draft'}
          </button>
        </div>
      </form>
    </section>
  );
}
