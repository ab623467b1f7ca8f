import { claimReminder, createEmail, deleteExpiredSessions, dueReminders } from '@clientele/db';
import { createD1Db } from '@clientele/db/d1';
import { enqueueEmail } from '../services/mail/outgoing';

/**
 * Every tick: queue overdue reminders (once per invoice per rule, claimed before the
 * email is created so overlapping runs cannot double-send) and delete expired sessions.
 */
export async function handleScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
  const db = createD1Db(env.DB);
  const now = new Date(controller.scheduledTime);
  const today = now.toISOString().slice(0, 10);
  for (const r of await dueReminders(db, today)) {
    if (!(await claimReminder(db, r, now))) continue;
    const email = await createEmail(
      db,
      r.tenantId,
      {
        clientId: r.clientId,
        documentId: r.invoiceId,
        kind: 'reminder',
        to: r.email,
        idempotencyKey: `reminder:${r.invoiceId}:${r.rule}`,
      },
      now,
    );
    await enqueueEmail(env.EMAIL_QUEUE, { tenantId: r.tenantId, emailId: email.id });
  }
  await deleteExpiredSessions(db, now);
}
