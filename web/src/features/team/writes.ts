import { actionKey, http, unwrap } from '../../api/http';
import type { Session } from '../../api/types';

type Role = Session['role'];

export const inviteMember = (email: string, role: Role, key?: string) =>
  unwrap(http.POST('/invitations', { body: { email, role }, ...actionKey(key) }));

export const revokeInvitation = (id: string, key?: string) =>
  unwrap(http.DELETE('/invitations/{id}', { params: { path: { id } }, ...actionKey(key) }));

export const resendInvitation = (id: string, key?: string) =>
  unwrap(http.POST('/invitations/{id}/resend', { params: { path: { id } }, ...actionKey(key) }));

export const changeRole = (userId: string, role: Role, key?: string) =>
  unwrap(
    http.PATCH('/members/{userId}', { params: { path: { userId } }, body: { role }, ...actionKey(key) }),
  );

export const removeMember = (userId: string, key?: string) =>
  unwrap(http.DELETE('/members/{userId}', { params: { path: { userId } }, ...actionKey(key) }));

export const acceptInvitation = (token: string, body: { name?: string; password?: string }) =>
  unwrap(http.POST('/invitations/{token}/accept', { params: { path: { token } }, body }));

export const switchBusiness = (tenantId: string, key?: string) =>
  unwrap(http.PUT('/sessions/current/business', { body: { tenantId }, ...actionKey(key) }));
