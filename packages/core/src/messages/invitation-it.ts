import type { Messages } from './en';

export const invitationIt = {
  subject: (business) => `Sei stato invitato in ${business} su Clientele`,
  body: (inviter, business, role) => `${inviter} ti ha invitato in ${business} su Clientele come ${role}.`,
  expires: 'Il link funziona una sola volta, per 7 giorni.',
  accept: 'Accetta l’invito',
  ignore: 'Se non aspettavi questa email, puoi ignorarla.',
  role: { owner: 'titolare', admin: 'amministratore', member: 'membro', accountant: 'commercialista' },
} satisfies Messages['invitation'];
