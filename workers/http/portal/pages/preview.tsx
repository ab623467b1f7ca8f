import type { Language } from '@clientele/core';
import { addressLines, formatPercent, formatQuantity, taxIdLabel } from '@clientele/core';
import type { DocumentRow } from '@clientele/db';
import type { BillTo, DocumentView } from '../../../services/documents/schema';
import type { PortalMessages } from '../messages';
import { formatters } from './format';

type Address = BillTo['billingAddress'];

/** The address as its country writes it (the same lines the PDF prints). */
function AddressLines(props: { address: Address; lang: Language }) {
  return (
    <>
      {addressLines(props.address, props.lang).map((line) => (
        <p>{line}</p>
      ))}
    </>
  );
}

/**
 * The issued document as HTML, from its frozen snapshot: what the PDF prints, laid out
 * for a phone (stacked cards) as well as a desktop (table).
 */
export function DocumentPreview(props: {
  row: DocumentRow;
  view: DocumentView;
  lang: Language;
  m: PortalMessages;
}) {
  const { row, view, lang, m } = props;
  const f = formatters(lang);
  const seller = row.snapshot?.seller;
  const bill = view.billTo;
  const money = (n: number) => f.money(n, view.currency);
  return (
    <article class="card" data-document={view.number ?? ''}>
      <div class="parties">
        {seller ? (
          <section>
            <h2>{m.from}</h2>
            <p>
              <strong>{seller.name}</strong>
            </p>
            <AddressLines address={seller.address} lang={lang} />
            {seller.taxId ? (
              <p>
                {taxIdLabel(m, seller.address.country, seller.taxId)}: {seller.taxId}
              </p>
            ) : null}
          </section>
        ) : null}
        {bill ? (
          <section>
            <h2>{m.billTo}</h2>
            <p>
              <strong>{bill.company ?? bill.name}</strong>
            </p>
            {bill.company ? <p>{bill.name}</p> : null}
            <AddressLines address={bill.billingAddress} lang={lang} />
            {bill.taxId ? (
              <p>
                {taxIdLabel(m, bill.billingAddress.country, bill.taxId)}: {bill.taxId}
              </p>
            ) : null}
          </section>
        ) : null}
      </div>
      <dl>
        <dt>{m.issued}</dt>
        <dd>{f.date(view.issueDate)}</dd>
        {view.dueDate ? (
          <>
            <dt>{m.due}</dt>
            <dd>{f.date(view.dueDate)}</dd>
          </>
        ) : null}
        {view.validUntil ? (
          <>
            <dt>{m.validUntil}</dt>
            <dd>{f.date(view.validUntil)}</dd>
          </>
        ) : null}
      </dl>
      <table class="responsive lines">
        <thead>
          <tr>
            <th>{m.description}</th>
            <th class="num">{m.quantity}</th>
            <th class="num">{m.unitPrice}</th>
            <th class="num">{m.amount}</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l) => (
            <tr>
              <td data-label={m.description}>{l.description}</td>
              <td data-label={m.quantity} class="num">
                {formatQuantity(l.quantity, lang)}
              </td>
              <td data-label={m.unitPrice} class="num">
                {money(l.unitPrice)}
              </td>
              <td data-label={m.amount} class="num">
                {money(l.amount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="totals">
        <dt>{m.subtotal}</dt>
        <dd>{money(view.subtotal)}</dd>
        {view.discountTotal ? (
          <>
            <dt>{m.discount}</dt>
            <dd>−{money(view.discountTotal)}</dd>
          </>
        ) : null}
        {view.taxes.map((t) => (
          <>
            <dt>{m.tax(formatPercent(t.rate, lang))}</dt>
            <dd>{money(t.amount)}</dd>
          </>
        ))}
        <dt>
          <strong>{m.total}</strong>
        </dt>
        <dd>
          <strong>{money(view.total)}</strong>
        </dd>
        {view.type === 'invoice' ? (
          <>
            <dt>{m.amountPaid}</dt>
            <dd>{money(view.amountPaid)}</dd>
            <dt>
              <strong>{m.amountDue}</strong>
            </dt>
            <dd>
              <strong data-amount-due>{money(view.amountDue)}</strong>
            </dd>
          </>
        ) : null}
      </dl>
      {view.notes ? (
        <section>
          <h2>{m.notes}</h2>
          <p>{view.notes}</p>
        </section>
      ) : null}
      {/* As on the PDF: the invoice's own footer, else the business's instructions as issued. */}
      {view.type === 'invoice' && (view.footer || seller?.paymentInstructions) ? (
        <section data-payment-instructions>
          <h2>{m.paymentInstructions}</h2>
          <p class="pre">{view.footer || seller?.paymentInstructions}</p>
        </section>
      ) : null}
    </article>
  );
}
