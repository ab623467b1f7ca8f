import type { connectProblemsEn } from './connect-problems-en';

/** Stripe Connect: why connecting, paying or a Connect event was refused. */
export const connectProblemsRu = {
  connectNotOffered: 'Stripe Connect не настроен на этом развёртывании; подключите Stripe своими ключами',
  connectLinkNotOffered:
    'Привязка существующего аккаунта Stripe не настроена на этом развёртывании; создайте аккаунт через «Подключить Stripe»',
  disconnectRefused: 'Stripe не смог отключить аккаунт; ничего не изменилось. Попробуйте чуть позже.',
  connectRefused: 'Stripe не смог начать подключение; ничего не сохранено. Попробуйте чуть позже.',
  connectNotReady: 'Организация ещё не закончила настройку Stripe и пока не может принимать оплату онлайн',
  connectNoEndpoint: 'События Stripe Connect на этом развёртывании не принимаются',
  connectSignatureMismatch: 'Подпись Stripe не совпадает с секретом подписи вебхука Connect платформы',
} satisfies typeof connectProblemsEn;
