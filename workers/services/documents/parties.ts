import type { Tenant } from '@clientele/db';

/** The business as printed on documents: name, contacts, address, tax ID and logo. */
export function sellerOf(tenant: Tenant) {
  return {
    name: tenant.name,
    email: tenant.email,
    phone: tenant.phone,
    address: {
      street: tenant.street,
      city: tenant.city,
      state: tenant.state,
      postalCode: tenant.postalCode,
      country: tenant.country,
    },
    taxId: tenant.taxId,
    logoKey: tenant.logoKey,
    paymentInstructions: tenant.paymentInstructions,
  };
}
