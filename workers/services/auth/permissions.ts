import type { Role } from '@clientele/db';

/**
 * What an operation needs, checked by the server on every route (`allow()`); the admin app
 * only hides what a role cannot do.
 * - `self`: one's own account (profile, devices, two-factor, switching business)
 * - `read`: reading the business's data and downloading its PDFs
 * - `write`: clients, documents, payments, tickets, portal links
 * - `export`: taking the data out
 * - `settings`: business settings, Stripe, API keys, templates, the audit log
 * - `team`: invitations and members (an admin never touches an owner)
 * - `owner`: ownership, imports, closing the business
 */
export const PERMISSIONS = ['self', 'read', 'write', 'export', 'settings', 'team', 'owner'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(PERMISSIONS),
  admin: new Set(['self', 'read', 'write', 'export', 'settings', 'team']),
  member: new Set(['self', 'read', 'write']),
  accountant: new Set(['self', 'read', 'export']),
};

export function roleMay(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}
