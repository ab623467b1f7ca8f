import type { Language } from '../languages';

interface Text {
  subject: string;
  body: string;
}

/**
 * The built-in words of a reminder step, by where the step falls: before the due date, on it,
 * or after it. A step the business has not worded itself (nor the general reminder) uses these.
 */
export interface ReminderStepWords {
  beforeDue: Text;
  dueToday: Text;
  overdue: Text;
}

export const REMINDER_STEP_MAIL: Record<Language, ReminderStepWords> = {
  en: {
    beforeDue: {
      subject: 'Invoice {{document.number}} is due in {{invoice.daysUntilDue}} days',
      body: 'Hello {{client.name}},\n\nA friendly note: invoice {{document.number}} for {{document.amountDue}} is due on {{document.dueDate}}, in {{invoice.daysUntilDue}} days.\n\nPay online: {{portalLink}}\n\nThank you,\n{{business.name}}',
    },
    dueToday: {
      subject: 'Invoice {{document.number}} is due today',
      body: 'Hello {{client.name}},\n\nInvoice {{document.number}} for {{document.amountDue}} is due today, {{document.dueDate}}.\n\nPay online: {{portalLink}}\n\nThank you,\n{{business.name}}',
    },
    overdue: {
      subject: 'Reminder: invoice {{document.number}} is {{invoice.daysOverdue}} days overdue',
      body: 'Hello {{client.name}},\n\nInvoice {{document.number}} was due on {{document.dueDate}}, {{invoice.daysOverdue}} days ago, and {{document.amountDue}} is still open.\n\nPay online: {{portalLink}}\n\nThank you,\n{{business.name}}',
    },
  },
  ru: {
    beforeDue: {
      subject: 'Срок оплаты счёта {{document.number}} — через {{invoice.daysUntilDue}} дн.',
      body: 'Здравствуйте, {{client.name}}!\n\nНапоминаем: счёт {{document.number}} на сумму {{document.amountDue}} нужно оплатить до {{document.dueDate}} (осталось дней: {{invoice.daysUntilDue}}).\n\nОплатить онлайн: {{portalLink}}\n\nСпасибо,\n{{business.name}}',
    },
    dueToday: {
      subject: 'Сегодня срок оплаты счёта {{document.number}}',
      body: 'Здравствуйте, {{client.name}}!\n\nСегодня, {{document.dueDate}}, истекает срок оплаты счёта {{document.number}} на сумму {{document.amountDue}}.\n\nОплатить онлайн: {{portalLink}}\n\nСпасибо,\n{{business.name}}',
    },
    overdue: {
      subject: 'Напоминание: счёт {{document.number}} просрочен (дней: {{invoice.daysOverdue}})',
      body: 'Здравствуйте, {{client.name}}!\n\nСрок оплаты счёта {{document.number}} истёк {{document.dueDate}} (дней просрочки: {{invoice.daysOverdue}}), к оплате остаётся {{document.amountDue}}.\n\nОплатить онлайн: {{portalLink}}\n\nСпасибо,\n{{business.name}}',
    },
  },
  pt: {
    beforeDue: {
      subject: 'A fatura {{document.number}} vence dentro de {{invoice.daysUntilDue}} dias',
      body: 'Olá {{client.name}},\n\nUm lembrete amigável: a fatura {{document.number}} de {{document.amountDue}} vence a {{document.dueDate}}, dentro de {{invoice.daysUntilDue}} dias.\n\nPagar online: {{portalLink}}\n\nObrigado,\n{{business.name}}',
    },
    dueToday: {
      subject: 'A fatura {{document.number}} vence hoje',
      body: 'Olá {{client.name}},\n\nA fatura {{document.number}} de {{document.amountDue}} vence hoje, {{document.dueDate}}.\n\nPagar online: {{portalLink}}\n\nObrigado,\n{{business.name}}',
    },
    overdue: {
      subject: 'Lembrete: a fatura {{document.number}} está vencida há {{invoice.daysOverdue}} dias',
      body: 'Olá {{client.name}},\n\nA fatura {{document.number}} venceu a {{document.dueDate}}, há {{invoice.daysOverdue}} dias, e {{document.amountDue}} continua por pagar.\n\nPagar online: {{portalLink}}\n\nObrigado,\n{{business.name}}',
    },
  },
  it: {
    beforeDue: {
      subject: 'La fattura {{document.number}} scade tra {{invoice.daysUntilDue}} giorni',
      body: 'Gentile {{client.name}},\n\nle ricordiamo che la fattura {{document.number}} di {{document.amountDue}} scade il {{document.dueDate}}, tra {{invoice.daysUntilDue}} giorni.\n\nPaga online: {{portalLink}}\n\nGrazie,\n{{business.name}}',
    },
    dueToday: {
      subject: 'La fattura {{document.number}} scade oggi',
      body: 'Gentile {{client.name}},\n\nla fattura {{document.number}} di {{document.amountDue}} scade oggi, {{document.dueDate}}.\n\nPaga online: {{portalLink}}\n\nGrazie,\n{{business.name}}',
    },
    overdue: {
      subject: 'Sollecito: la fattura {{document.number}} è scaduta da {{invoice.daysOverdue}} giorni',
      body: 'Gentile {{client.name}},\n\nla fattura {{document.number}} è scaduta il {{document.dueDate}}, {{invoice.daysOverdue}} giorni fa, e restano da pagare {{document.amountDue}}.\n\nPaga online: {{portalLink}}\n\nGrazie,\n{{business.name}}',
    },
  },
  ja: {
    beforeDue: {
      subject: '請求書 {{document.number}} のお支払期限まであと{{invoice.daysUntilDue}}日です',
      body: '{{client.name}} 様\n\n請求書 {{document.number}}（{{document.amountDue}}）のお支払期限は {{document.dueDate}}（あと{{invoice.daysUntilDue}}日）です。\n\nオンラインでのお支払い: {{portalLink}}\n\nよろしくお願いいたします。\n{{business.name}}',
    },
    dueToday: {
      subject: '請求書 {{document.number}} のお支払期限は本日です',
      body: '{{client.name}} 様\n\n請求書 {{document.number}}（{{document.amountDue}}）のお支払期限は本日 {{document.dueDate}} です。\n\nオンラインでのお支払い: {{portalLink}}\n\nよろしくお願いいたします。\n{{business.name}}',
    },
    overdue: {
      subject: '【再送】請求書 {{document.number}} のお支払期限を{{invoice.daysOverdue}}日過ぎています',
      body: '{{client.name}} 様\n\n請求書 {{document.number}} のお支払期限（{{document.dueDate}}）を{{invoice.daysOverdue}}日過ぎており、{{document.amountDue}} が未払いとなっております。\n\nオンラインでのお支払い: {{portalLink}}\n\nよろしくお願いいたします。\n{{business.name}}',
    },
  },
};

const problemsEn = {
  remindOnlyOwing:
    'Only an issued invoice that still owes something can be reminded: this one is a draft, paid, void or fully credited',
  remindNoEmail: 'This client has no email address to send a reminder to',
  remindTooSoon: (minutes: number) =>
    `A reminder for this invoice was sent less than an hour ago; try again in ${minutes} min`,
  reminderStepTwice: 'Each step needs a different number of days',
  reminderStepUnknown: 'Not a reminder step: use before:N or after:N',
  stepOnlyForReminders: 'Only the reminder email has a version per step',
};

/** Refusals about reminders, spread into each language's `problem` words. */
export const REMINDER_PROBLEMS: Record<Language, typeof problemsEn> = {
  en: problemsEn,
  ru: {
    remindOnlyOwing:
      'Напомнить можно только о выставленном и не оплаченном полностью счёте: этот — черновик, оплачен, аннулирован или полностью скорректирован',
    remindNoEmail: 'У клиента нет адреса электронной почты для напоминания',
    remindTooSoon: (minutes) =>
      `Напоминание об этом счёте уже отправлено меньше часа назад; повторите через ${minutes} мин`,
    reminderStepTwice: 'У каждого шага должно быть своё число дней',
    reminderStepUnknown: 'Это не шаг напоминаний: укажите before:N или after:N',
    stepOnlyForReminders: 'Отдельные версии по шагам есть только у письма-напоминания',
  },
  pt: {
    remindOnlyOwing:
      'Só se pode lembrar uma fatura emitida que ainda tenha valor em dívida: esta é um rascunho, está paga, anulada ou totalmente creditada',
    remindNoEmail: 'Este cliente não tem endereço de email para o lembrete',
    remindTooSoon: (minutes) =>
      `Foi enviado um lembrete desta fatura há menos de uma hora; tente de novo dentro de ${minutes} min`,
    reminderStepTwice: 'Cada passo precisa de um número de dias diferente',
    reminderStepUnknown: 'Não é um passo de lembrete: use before:N ou after:N',
    stepOnlyForReminders: 'Só o email de lembrete tem uma versão por passo',
  },
  it: {
    remindOnlyOwing:
      'Si può sollecitare solo una fattura emessa con un importo ancora dovuto: questa è una bozza, pagata, annullata o interamente stornata',
    remindNoEmail: 'Questo cliente non ha un indirizzo email a cui inviare il sollecito',
    remindTooSoon: (minutes) =>
      `Un sollecito per questa fattura è stato inviato meno di un’ora fa; riprova tra ${minutes} min`,
    reminderStepTwice: 'Ogni passaggio deve avere un numero di giorni diverso',
    reminderStepUnknown: 'Non è un passaggio di sollecito: usa before:N o after:N',
    stepOnlyForReminders: 'Solo l’email di sollecito ha una versione per passaggio',
  },
  ja: {
    remindOnlyOwing:
      'リマインダーを送れるのは、発行済みで未払い残高のある請求書だけです（この請求書は下書き、支払済み、無効、または全額クレジット済みです）',
    remindNoEmail: 'この顧客にはリマインダーを送るメールアドレスがありません',
    remindTooSoon: (minutes) =>
      `この請求書のリマインダーは1時間以内に送信済みです。${minutes}分後にもう一度お試しください`,
    reminderStepTwice: 'ステップごとに異なる日数を指定してください',
    reminderStepUnknown: 'リマインダーのステップではありません。before:N または after:N を指定してください',
    stepOnlyForReminders: 'ステップごとの文面があるのはリマインダーのメールだけです',
  },
};
