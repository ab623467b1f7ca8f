import type { Messages } from './en';

export const invitationRu = {
  subject: (business) => `Вас приглашают в ${business} в Clientele`,
  body: (inviter, business, role) => `${inviter} приглашает вас в ${business} в Clientele с ролью «${role}».`,
  expires: 'Ссылка действует 7 дней и только один раз.',
  accept: 'Принять приглашение',
  ignore: 'Если вы не ждали этого письма, просто не отвечайте на него.',
  role: { owner: 'владелец', admin: 'администратор', member: 'сотрудник', accountant: 'бухгалтер' },
} satisfies Messages['invitation'];
