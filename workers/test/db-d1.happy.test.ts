import { env } from 'cloudflare:test';
import { createD1Db } from '@clientele/db/d1';
import { defineDbContract } from '../../packages/db/test/contract';

defineDbContract('D1', () => createD1Db(env.DB));
