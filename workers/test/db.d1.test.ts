import { createD1Db } from '@clientele/db/d1';
import { env } from 'cloudflare:test';
import { defineDbContract } from '../../packages/db/test/contract';

defineDbContract('D1', () => createD1Db(env.DB));
