import type { connectEn } from './en-connect';

/** Settings → Online payments: Stripe Connect. */
export const connectRu = {
  connect: {
    intro:
      'Подключите свой аккаунт Stripe за несколько шагов: Stripe спросит данные организации, после чего клиенты смогут оплачивать счета картой в портале. Продавцом выступает ваша организация, и комиссии Stripe она платит сама.',
    button: 'Подключить Stripe',
    opening: 'Открываем Stripe…',
    account: 'Аккаунт Stripe',
    chargesEnabled: 'Платежи включены',
    chargesDisabled: 'Платежи ещё не включены',
    requirementsDue: 'Stripe ещё нужно:',
    continueOnboarding: 'Продолжить подключение',
    returned: 'Вы вернулись из Stripe: состояние аккаунта ниже.',
    expired: 'Ссылка Stripe устарела. Продолжите подключение, чтобы получить новую.',
    disconnect: 'Отключить',
    disconnectTitle: 'Отключить Stripe?',
    disconnectMessage:
      'Клиенты не смогут платить онлайн, пока вы не подключитесь снова. Ваш аккаунт Stripe и уже записанные платежи останутся как есть.',
    ownKeys: 'Свои ключи (для собственной установки)',
    viaConnect: 'через Stripe Connect',
  },
} satisfies typeof connectEn;
