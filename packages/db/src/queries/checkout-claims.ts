import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../db';
import { checkoutClaims } from '../schema';

/**
 * Takes the invoice's "Pay now" claim for `token` until `until`: true when it was free (or
 * its holder's time ran out), false while another request holds it. One statement, so two
 * requests can never both win.
 */
export async function claimInvoiceCheckout(
  db: Db,
  tenantId: string,
  invoiceId: string,
  token: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const won = await db
    .insert(checkoutClaims)
    .values({ tenantId, invoiceId, token, expiresAt: until })
    .onConflictDoUpdate({
      target: [checkoutClaims.tenantId, checkoutClaims.invoiceId],
      set: { token, expiresAt: until },
      setWhere: lte(checkoutClaims.expiresAt, now),
    })
    .returning({ token: checkoutClaims.token });
  return won.length === 1;
}

/** Lets go of a claim this request holds (never one another request has taken since). */
export async function releaseInvoiceCheckout(db: Db, tenantId: string, invoiceId: string, token: string) {
  await db
    .delete(checkoutClaims)
    .where(
      and(
        eq(checkoutClaims.tenantId, tenantId),
        eq(checkoutClaims.invoiceId, invoiceId),
        eq(checkoutClaims.token, token),
      ),
    );
}
