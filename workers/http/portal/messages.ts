import { type Language, PORTAL_WORDS, type PortalWords } from '@clientele/core';

/** Every word the portal shows, per language (from the message catalogue); pages never hard-code text. */
export type PortalMessages = PortalWords;
export const PORTAL_MESSAGES: Record<Language, PortalMessages> = PORTAL_WORDS;
