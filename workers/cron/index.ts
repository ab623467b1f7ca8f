import { runScheduledWork } from '../services/housekeeping';
import { initContext } from '../services/init';

export { STALE_LINK_KEEP_MS } from '../services/housekeeping';

/** Every tick (every 15 minutes, wrangler.toml): reminders, Stripe reconciliation and housekeeping. */
export async function handleScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
  const started = Date.now();
  const { ctx, queries } = initContext(env, {
    requestId: crypto.randomUUID(),
    now: new Date(controller.scheduledTime),
    log: { cron: controller.cron },
  });
  const done = await runScheduledWork(ctx);
  ctx.log.info('scheduled run finished', { ...done, duration: Date.now() - started, queries: queries() });
}
