import type { connectEn } from './en-connect';

/** Settings → Online payments: Stripe Connect. */
export const connectPt = {
  connect: {
    intro:
      'Ligue a sua conta Stripe em poucos passos: o Stripe pede os dados da empresa e depois os clientes podem pagar faturas com cartão no portal. A sua empresa é o comerciante registado e paga ela própria as taxas do Stripe.',
    button: 'Ligar com o Stripe',
    opening: 'A abrir o Stripe…',
    account: 'Conta Stripe',
    chargesEnabled: 'Pagamentos ativos',
    chargesDisabled: 'Pagamentos ainda não ativos',
    requirementsDue: 'O Stripe ainda precisa de:',
    continueOnboarding: 'Continuar a configuração',
    returned: 'De volta do Stripe: o estado da sua conta está abaixo.',
    expired: 'A ligação do Stripe expirou. Continue a configuração para obter uma nova.',
    disconnect: 'Desligar',
    disconnectTitle: 'Desligar o Stripe?',
    disconnectMessage:
      'Os clientes deixam de poder pagar online até voltar a ligar. A sua conta Stripe e os pagamentos já registados ficam como estão.',
    ownKeys: 'Usar as suas próprias chaves (instalação própria)',
    viaConnect: 'através do Stripe Connect',
    linkExisting: 'Já tenho uma conta Stripe',
    linkOpening: 'A abrir o Stripe…',
    linkHint: 'Inicie sessão no Stripe e escolha a conta a ligar; depois volta aqui.',
    linkConnected: 'A sua conta Stripe está ligada: os clientes podem pagar online.',
    linkDeclined: 'Recusou na página do Stripe, por isso nada foi ligado.',
    linkFailed:
      'O Stripe não conseguiu ligar a conta (a ligação pode ter expirado ou já ter sido usada). Nada mudou; tente novamente.',
    linkTaken: 'Essa conta Stripe já está ligada a outra empresa aqui, por isso não foi ligada. Nada mudou.',
  },
} satisfies typeof connectEn;
