import { type CheckoutSession, MINIMUM_CHARGE, maximumCharge, stripeError, stripeId } from './objects';

type Refusal = ReturnType<typeof stripeError>;

/**
 * `POST /v1/checkout/sessions` as Stripe validates it: the refusals the product can meet
 * (no mode, a bad line, three-decimal steps, below the currency's minimum or above eight
 * digits, embedded without a return URL), then the new open session.
 */
export function newSession(
  body: Record<string, unknown>,
  created: number,
): { ok: true; session: CheckoutSession } | { ok: false; refusal: Refusal } {
  const refuse = (refusal: Refusal) => ({ ok: false as const, refusal });
  type Line = {
    price_data?: { currency?: string; unit_amount?: string; product_data?: { name?: string } };
    quantity?: string;
  };
  const lines = (body.line_items as Line[] | undefined) ?? [];
  const line = lines[0];
  const currency = line?.price_data?.currency;
  const unit = Number(line?.price_data?.unit_amount);
  if (body.mode !== 'payment')
    return refuse(stripeError(400, 'Missing required param: mode.', { param: 'mode' }));
  if (!currency || !Number.isInteger(unit) || unit <= 0) {
    return refuse(
      stripeError(400, 'Invalid line_items[0][price_data]', { param: 'line_items[0][price_data]' }),
    );
  }
  if (['bhd', 'jod', 'kwd', 'omr', 'tnd'].includes(currency) && unit % 10 !== 0) {
    return refuse(
      stripeError(400, 'Amounts in three-decimal currencies must end in 0.', {
        param: 'line_items[0][price_data][unit_amount]',
      }),
    );
  }
  const quantity = Number(line?.quantity ?? 1);
  const total = unit * quantity;
  const min = MINIMUM_CHARGE[currency];
  if (min !== undefined && total < min) {
    return refuse(
      stripeError(
        400,
        `The Checkout Session's total amount due must add up to at least ${min} ${currency} (in the currency's smallest unit).`,
        { code: 'amount_too_small' },
      ),
    );
  }
  if (total > maximumCharge(currency)) {
    return refuse(
      stripeError(400, `Amount must be no more than ${maximumCharge(currency)} ${currency}.`, {
        code: 'amount_too_large',
      }),
    );
  }
  const uiMode = String(body.ui_mode ?? 'hosted_page');
  if (uiMode === 'embedded_page' && !body.return_url) {
    return refuse(
      stripeError(400, 'return_url is required for ui_mode embedded_page', { param: 'return_url' }),
    );
  }
  const id = stripeId('cs_test');
  return {
    ok: true,
    session: {
      id,
      object: 'checkout.session',
      amount_subtotal: total,
      amount_total: total,
      client_secret: `${id}_secret_${stripeId('x').slice(2)}`,
      created,
      currency,
      customer_email: (body.customer_email as string | undefined) ?? null,
      customer_details: null,
      expires_at: created + 24 * 3600,
      livemode: false,
      metadata: (body.metadata as Record<string, string> | undefined) ?? {},
      mode: 'payment',
      payment_intent: null,
      payment_status: 'unpaid',
      return_url: (body.return_url as string | undefined) ?? null,
      status: 'open',
      ui_mode: uiMode,
      url: null,
      line_items_preview: [{ name: line?.price_data?.product_data?.name ?? '', quantity, unit_amount: unit }],
      payment_intent_metadata:
        (body.payment_intent_data as { metadata?: Record<string, string> } | undefined)?.metadata ?? {},
    },
  };
}
