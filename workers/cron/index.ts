import { deleteExpiredSessions } from '@clientele/db';
import { createD1Db } from '@clientele/db/d1';

/** Housekeeping on every tick; reminders and reconciliation join later. */
export async function handleScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
  await deleteExpiredSessions(createD1Db(env.DB), new Date(controller.scheduledTime));
}
