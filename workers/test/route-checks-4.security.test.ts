import { checkOperations } from './helpers/route-security-suite';

// Part 4 of `PARTS` of every operation's checks (see route-security.security.test.ts).
await checkOperations(4);
