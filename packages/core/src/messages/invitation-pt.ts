import type { Messages } from './en';

export const invitationPt = {
  subject: (business) => `Foi convidado para ${business} no Clientele`,
  body: (inviter, business, role) => `${inviter} convidou-o para ${business} no Clientele como ${role}.`,
  expires: 'A ligação funciona uma vez, durante 7 dias.',
  accept: 'Aceitar o convite',
  ignore: 'Se não esperava este email, pode ignorá-lo.',
  role: { owner: 'proprietário', admin: 'administrador', member: 'membro', accountant: 'contabilista' },
} satisfies Messages['invitation'];
