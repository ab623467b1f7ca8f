import type { AdminMessages } from './en';

/** Settings → closing the business (owner only). */
export const closingPt = {
  closing: {
    title: 'Encerrar esta empresa',
    intro:
      'Encerrar remove a empresa para todos: todos os clientes, documentos, pagamentos, pedidos de suporte e ficheiros são apagados dentro de 24 horas, todos os membros terminam a sessão de imediato, os links do portal de clientes deixam de funcionar e o Stripe é desligado. Exporte os seus dados primeiro se puder precisar deles.',
    confirm: (name: string) => `Escreva o nome da empresa para confirmar: ${name}`,
    password: 'A sua palavra-passe',
    totp: 'Código da aplicação de autenticação (se a autenticação de dois fatores estiver ativa)',
    submit: 'Encerrar a empresa definitivamente',
    closing: 'A encerrar…',
  },
} satisfies Pick<AdminMessages, 'closing'>;
