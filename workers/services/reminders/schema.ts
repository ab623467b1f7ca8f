import { MAX_REMINDER_OFFSET, MAX_REMINDER_STEPS, MIN_REMINDER_OFFSET } from '@clientele/core';
import { z } from '@hono/zod-openapi';

/** Reminder steps as settings give and take them. */

export const ReminderStepSchema = z
  .object({
    offsetDays: z
      .number()
      .int()
      .openapi({ description: 'Days from the due date: negative before it, 0 on it', example: 7 }),
    key: z.string().openapi({
      description:
        'The step in reminder history and in its email template (`before:3`, `after:0`, `after:7`)',
      example: 'after:7',
    }),
  })
  .openapi('ReminderStep');

export const ReminderStepInputSchema = z
  .object({ offsetDays: z.number().int().min(MIN_REMINDER_OFFSET).max(MAX_REMINDER_OFFSET) })
  .openapi('ReminderStepInput');

export const ReminderStepsInputSchema = z
  .array(ReminderStepInputSchema)
  .max(MAX_REMINDER_STEPS)
  .openapi({
    description: `At most ${MAX_REMINDER_STEPS} steps, each a different number of days from the due date (−60 to 365); [] turns reminders off`,
  });

export const RemindedSchema = z
  .object({
    invoiceId: z.string(),
    step: z.string().nullable().openapi({
      description:
        'The step whose words were used: the latest step that has come on the same side of the due date, else today (`after:4`)',
    }),
    email: z.object({ id: z.string(), status: z.enum(['queued', 'sent', 'failed']), to: z.string() }),
  })
  .openapi('Reminded');

export const ReminderHistorySchema = z
  .object({
    data: z.array(
      z.object({
        step: z.string().openapi({ description: 'A step key, or `manual` for "Send reminder now"' }),
        outcome: z.enum(['sent', 'skipped']),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi('ReminderHistory');

export type ReminderStepView = z.infer<typeof ReminderStepSchema>;
export type ReminderStepInput = z.output<typeof ReminderStepInputSchema>;
export type Reminded = z.infer<typeof RemindedSchema>;
export type ReminderHistory = z.infer<typeof ReminderHistorySchema>;
