import type { Session } from '../../api/types';
import { useSession } from '../auth/session';

/**
 * What a role may do, as the server decides it (workers/services/auth/permissions.ts): the
 * app only hides what would be refused, the API refuses it anyway.
 */
export type Permission = 'self' | 'read' | 'write' | 'export' | 'settings' | 'team' | 'owner';

const GRANTS: Record<Session['role'], readonly Permission[]> = {
  owner: ['self', 'read', 'write', 'export', 'settings', 'team', 'owner'],
  admin: ['self', 'read', 'write', 'export', 'settings', 'team'],
  member: ['self', 'read', 'write'],
  accountant: ['self', 'read', 'export'],
};

export const roleMay = (role: Session['role'], permission: Permission) => GRANTS[role].includes(permission);

/** `can('write')`: whether the signed-in person's role in this business allows it. */
export function useCan(): (permission: Permission) => boolean {
  const { session } = useSession();
  return (permission) => (session ? roleMay(session.role, permission) : false);
}
