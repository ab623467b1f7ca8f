import type { connectProblemsEn } from './connect-problems-en';

/** Stripe Connect: why connecting, paying or a Connect event was refused. */
export const connectProblemsPt = {
  connectNotOffered:
    'O Stripe Connect não está configurado nesta instalação; ligue o Stripe com as suas próprias chaves',
  connectLinkNotOffered:
    'Ligar uma conta Stripe existente não está configurado nesta instalação; use Ligar ao Stripe para criar uma',
  disconnectRefused: 'O Stripe não conseguiu desligar a conta; nada mudou. Tente daqui a pouco.',
  connectRefused: 'O Stripe não conseguiu iniciar a configuração; nada foi guardado. Tente daqui a pouco.',
  connectNotReady:
    'Esta empresa ainda não terminou de configurar o Stripe e não pode receber pagamentos online',
  connectNoEndpoint: 'Os eventos do Stripe Connect não são aceites nesta instalação',
  connectSignatureMismatch:
    'A assinatura do Stripe não corresponde ao segredo de assinatura do webhook Connect da plataforma',
} satisfies typeof connectProblemsEn;
