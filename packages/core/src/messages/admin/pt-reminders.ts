import type { remindersEn } from './en-reminders';

export const remindersPt = {
  reminders: {
    title: 'Lembretes de pagamento',
    intro:
      'Emails ao cliente sobre uma fatura por pagar, cada passo uma vez por fatura. Depois de uma pausa só se envia o último passo já chegado, e um passo com mais de 7 dias é ignorado, para que o cliente nunca receba vários lembretes de uma vez.',
    none: 'Sem passos: não são enviados lembretes.',
    step: (n) => `Passo ${n}`,
    days: 'Dias',
    when: 'Quando',
    before: 'antes do vencimento',
    onDue: 'no dia do vencimento',
    after: 'depois do vencimento',
    add: 'Adicionar passo',
    remove: (n) => `Remover passo ${n}`,
    pauseForTickets:
      'Suspender lembretes enquanto o cliente tiver um pedido de suporte sobre a fatura por fechar (aberto ou à espera da resposta dele)',
    save: 'Guardar lembretes',
    describe: (offset) =>
      offset === 0
        ? 'No dia do vencimento'
        : offset < 0
          ? `${-offset} ${-offset === 1 ? 'dia' : 'dias'} antes do vencimento`
          : `${offset} ${offset === 1 ? 'dia' : 'dias'} depois do vencimento`,
    templateStep: 'Passo do lembrete',
    allSteps: 'Todos os passos (lembrete geral)',
    sendNow: 'Enviar lembrete agora',
    queued: (to) => `Lembrete em fila para ${to}.`,
    history: 'Lembretes',
    manual: 'Enviado manualmente',
    sent: 'enviado',
    skipped: 'ignorado',
  },
} satisfies typeof remindersEn;
