import type { AdminTeamMessages } from './en-team';

export const teamRu = {
  team: {
    title: 'Команда',
    members: 'Люди в этой компании',
    role: 'Роль',
    roles: { owner: 'Владелец', admin: 'Администратор', member: 'Сотрудник', accountant: 'Бухгалтер' },
    roleHint:
      'Администраторы управляют всем, кроме владельцев; сотрудники работают с клиентами, документами, платежами и обращениями; бухгалтеры читают и выгружают данные, ничего не меняя.',
    joined: 'В команде с',
    remove: 'Удалить',
    leave: 'Выйти',
    you: 'вы',
    removeTitle: (name) => `Удалить ${name} из компании?`,
    removeMessage: 'Его сеансы в этой компании сразу завершатся.',
    inviteTitle: 'Пригласить',
    invite: 'Отправить приглашение',
    invited: (email) => `Приглашение отправлено на ${email}.`,
    pending: 'Ожидают ответа',
    nonePending: 'Нет неотвеченных приглашений.',
    expires: (date) => `Ссылка действует до ${date}`,
    resend: 'Отправить снова',
    acceptTitle: (business) => `Присоединиться к ${business}`,
    acceptIntro: (email, role) => `Приглашение для ${email}, роль: ${role}.`,
    yourName: 'Ваше имя',
    choosePassword: 'Придумайте пароль (не короче 10 символов)',
    signInFirst: 'Аккаунт с этим адресом уже есть: войдите в него и откройте ссылку снова.',
    invalidLink:
      'Эта ссылка-приглашение больше не работает: истекла, заменена или уже использована. Попросите новую.',
    business: 'Компания',
    switchTo: 'Сменить компанию',
  },
} satisfies AdminTeamMessages;
