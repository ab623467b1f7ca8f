/** The roles in the order the app lists them, from most to least allowed. */
export const ROLES_IN_ORDER = ['owner', 'admin', 'member', 'accountant'] as const;
