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
    linkExisting: 'У меня уже есть аккаунт Stripe',
    linkOpening: 'Открываем Stripe…',
    linkHint: 'Войдите в Stripe и выберите аккаунт для привязки; затем вы вернётесь сюда.',
    linkConnected: 'Аккаунт Stripe привязан: клиенты могут платить онлайн.',
    linkDeclined: 'Вы отказались на странице Stripe, поэтому ничего не привязано.',
    linkFailed:
      'Stripe не смог привязать аккаунт (ссылка могла истечь или уже использована). Ничего не изменилось; попробуйте ещё раз.',
    linkTaken:
      'Этот аккаунт Stripe уже привязан к другому бизнесу здесь, поэтому он не привязан. Ничего не изменилось.',
  },
} satisfies typeof connectEn;
