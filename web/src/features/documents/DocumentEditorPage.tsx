import { type LineInput, parseDecimal, parseUserNumber, toDecimalString, totals } from '@clientele/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { DocType, DocumentInput } from '../../api/types';
import { useWords } from '../../i18n';
import { todayIso } from '../../ui/dates';
import { Field, TextAreaField } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { LineInputCell } from '../../ui/LineInputCell';
import { useApiForm } from '../../ui/useApiForm';
import { ClientPicker } from '../clients/ClientPicker';
import { clientQueries } from '../clients/queries';
import { documentQueries } from './queries';
import { createDocument, updateDocument } from './writes';

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
  const { t, money, number, percent, decimal } = useWords();
  const isInvoice = type === 'invoice';
  const [clientId, setClientId] = useState(search.get('clientId') ?? '');
  const [currency, setCurrency] = useState('');
  const [issueDate, setIssueDate] = useState(todayIso());
  const [endDate, setEndDate] = useState('');
  const [notes, setNotes] = useState('');
  /** Document discount in percent, taken on every line. */
  const [discount, setDiscount] = useState('');
  const [lines, setLines] = useState<EditableLine[]>([blankLine()]);
  const save = useApiForm({
    action: (body: DocumentInput, key) =>
      id ? updateDocument(type, id, body, key) : createDocument(type, body, key),
    onSuccess: (doc) => {
      // The saved draft is what its page shows at once, before the refetch.
      queryClient.setQueryData(documentQueries.detail(type, doc.id).queryKey, doc);
      // Replaces the editor in history: Back from the saved document must not reopen an empty form.
      navigate(`/${type}s/${doc.id}`, { replace: true });
    },
    // A saved draft shows on its client's 360° and in the lists.
    invalidates: [documentQueries.all(), clientQueries.everyOne()],
    whenFieldsNamed: 'correct-fields',
    fallback: t.app.couldNotSave,
  });
  const errors = save.fieldErrors;

  const existing = useQuery(documentQueries.detail(type, id ?? '')).data;
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
        quantity: decimal(String(l.quantity)),
        unitPrice: decimal(toDecimalString(l.unitPrice, d.currency)),
        taxRate: l.taxRate ? decimal(String(l.taxRate)) : '',
        discount: l.discountPercent ? decimal(String(l.discountPercent)) : '',
        keptTaxes: l.taxes.length > 1 || l.taxes.some((t) => t.inclusive) ? l.taxes : undefined,
      })),
    );
    setDiscount(d.discountPercent ? decimal(String(d.discountPercent)) : '');
  }, [existing, type, decimal]);

  const client = useQuery(clientQueries.detail(clientId)).data;
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

  function submit(e: FormEvent) {
    e.preventDefault();
    void save.submit({
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
    });
  }

  return (
    <section>
      <div className="page-head">
        <h1>
          {id
            ? isInvoice
              ? t.editor.editInvoice
              : t.editor.editEstimate
            : isInvoice
              ? t.documents.newInvoice
              : t.documents.newEstimate}
        </h1>
        <Link to={`/${type}s`}>{isInvoice ? t.editor.allInvoices : t.editor.allEstimates}</Link>
      </div>
      <form className="card form-grid" onSubmit={submit} noValidate>
        <FormError message={save.error} />
        <div className="row">
          <ClientPicker
            label={t.editor.client}
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
        <div className="row">
          <Field
            label={t.editor.issueDate}
            id="issueDate"
            type="date"
            value={issueDate}
            onChange={(e) => setIssueDate(e.target.value)}
            error={errors.issueDate}
          />
          <Field
            label={isInvoice ? t.editor.dueDate : t.editor.validUntil}
            id="endDate"
            type="date"
            value={endDate}
            onChange={(e) => setEndDate(e.target.value)}
            error={errors.dueDate ?? errors.validUntil}
            hint={t.editor.fromTerms}
          />
        </div>
        <table className="lines">
          <thead>
            <tr>
              <th>{t.editor.description}</th>
              <th className="num">{t.editor.quantity}</th>
              <th className="num">{t.editor.unitPrice}</th>
              <th className="num">{t.editor.discountColumn}</th>
              <th className="num">{t.editor.taxColumn}</th>
              <th className="num">{t.editor.amount}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id until saved
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
                <LineInputCell
                  label={t.editor.lineDiscount(i + 1)}
                  numeric
                  value={l.discount}
                  onChange={(v) => update(i, { discount: v })}
                  error={errors[`lines.${i}.discountPercent`]}
                />
                <td>
                  <input
                    aria-label={t.editor.lineTax(i + 1)}
                    inputMode="decimal"
                    className="num"
                    value={
                      l.keptTaxes
                        ? l.keptTaxes
                            .map(
                              (tax) => `${number(tax.rate)}${tax.inclusive ? ` ${t.editor.inclusive}` : ''}`,
                            )
                            .join(' + ')
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
        <div>
          <button type="button" onClick={() => setLines([...lines, blankLine()])}>
            {t.editor.addLine}
          </button>
        </div>
        <Field
          label={isInvoice ? t.editor.invoiceDiscount : t.editor.estimateDiscount}
          id="discount"
          inputMode="decimal"
          value={discount}
          onChange={(e) => setDiscount(e.target.value)}
          error={errors.discountPercent}
        />
        <dl className="totals" aria-live="polite">
          <dt>{t.editor.subtotal}</dt>
          <dd data-testid="subtotal">{preview ? money(preview.subtotal, cur) : '—'}</dd>
          {preview && preview.discountTotal > 0 ? (
            <>
              <dt>{t.editor.discount}</dt>
              <dd data-testid="discount">−{money(preview.discountTotal, cur)}</dd>
            </>
          ) : null}
          {preview?.taxes.map((tax) => (
            <div key={`${tax.rate}`} className="contents">
              <dt>{t.editor.tax(percent(tax.rate))}</dt>
              <dd>{money(tax.amount, cur)}</dd>
            </div>
          ))}
          <dt className="strong">{t.editor.total}</dt>
          <dd className="strong" data-testid="total">
            {preview ? money(preview.total, cur) : '—'}
          </dd>
        </dl>
        <TextAreaField
          label={t.field.notes}
          id="notes"
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          error={errors.notes}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={save.busy}>
            {save.busy ? t.app.saving : t.editor.saveDraft}
          </button>
        </div>
      </form>
    </section>
  );
}
