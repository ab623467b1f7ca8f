import { applyD1Migrations, env } from 'cloudflare:test';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
// The Japanese font (5 MB) is put into R2 only by the test files that render Japanese
// (`helpers/japanese-font.ts`): every file has its own R2, and seeding all of them cost
// about 30 s of the suite.
