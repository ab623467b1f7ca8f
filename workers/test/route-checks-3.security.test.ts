import { checkOperations } from './helpers/route-security-suite';

// Part 3 of `PARTS` of every operation's checks (see route-security.security.test.ts).
await checkOperations(3);
