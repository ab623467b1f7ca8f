import { handleScheduled } from './cron';
import { handleEmail } from './email';
import { createApp } from './http/app';
import { handleQueue } from './queue';

const app = createApp();

export default {
  fetch: app.fetch,
  queue: handleQueue,
  email: handleEmail,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
