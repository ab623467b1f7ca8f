import type { Messages } from '@clientele/core';
import { InvalidCursorError } from '@clientele/db';
import { problemWords } from './reader-language';

/**
 * Typed failures a service can report. The HTTP layer turns each into one
 * problem+json response; queue and email handlers decide retry vs. give up.
 *
 * Every refusal is a key of the `problem` catalogue (packages/core/src/messages), never
 * free text: a new English sentence in a refusal does not typecheck, so each one is
 * written once and read in all five languages.
 */
export interface FieldError {
  path: string;
  message: string;
}

export type ProblemWords = Messages['problem'];
type Entry = Exclude<keyof ProblemWords, 'title' | 'notFound'>;
/** Catalogue entries that are plain text. */
export type WordKey = { [K in Entry]: ProblemWords[K] extends string ? K : never }[Entry];
/** Catalogue entries that take arguments (a count, an amount, a name). */
export type PhraseKey = { [K in Entry]: ProblemWords[K] extends string ? never : K }[Entry];
type PhraseArgs = { [K in PhraseKey]: Parameters<ProblemWords[K]> };
type Phrases = { [K in PhraseKey]: (...args: PhraseArgs[K]) => string };

/**
 * A catalogue phrase with its arguments, worded in the reader's language. Only
 * `say()` makes one (the private field keeps look-alike objects out).
 */
export class Phrase {
  readonly #text: string;
  private constructor(text: string) {
    this.#text = text;
  }
  get text() {
    return this.#text;
  }
  static of<K extends PhraseKey>(key: K, ...args: PhraseArgs[K]): Phrase {
    const phrases: Phrases = problemWords();
    return new Phrase(phrases[key](...args));
  }
  /** "Invoice not found", and the like. */
  static notFound(what: keyof ProblemWords['notFound']): Phrase {
    return new Phrase(problemWords().notFound[what]);
  }
}

/** `say('tooManyAttempts', 30)`: a phrase of the catalogue, for a refusal. */
export const say = Phrase.of;

/** What a refusal says: a text entry of the catalogue by key, or a phrase from `say()`. */
export type Refusal = WordKey | Phrase;

/** A field named with why it was refused. */
export interface FieldRefusal {
  path: string;
  message: Refusal;
}

/** The refusal in the words of the current reader. */
export function wording(refusal: Refusal): string {
  return typeof refusal === 'string' ? problemWords()[refusal] : refusal.text;
}

const worded = (errors: FieldRefusal[]): FieldError[] =>
  errors.map((e) => ({ path: e.path, message: wording(e.message) }));

export type ProblemStatus = keyof ProblemWords['title'];

export class DomainError extends Error {
  readonly title: string;
  readonly errors: FieldError[];
  constructor(
    readonly status: Exclude<ProblemStatus, 500>,
    detail: Refusal,
    errors: FieldRefusal[] = [],
    /** Headers the answer must carry (`Retry-After`, `Allow`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(wording(detail));
    this.title = problemWords().title[status];
    this.errors = worded(errors);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: keyof ProblemWords['notFound']) {
    super(404, Phrase.notFound(what));
  }
}

export class ConflictError extends DomainError {
  constructor(detail: Refusal, errors: FieldRefusal[] = []) {
    super(409, detail, errors);
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldRefusal[], detail: Refusal = 'invalidFields') {
    super(422, detail, errors);
  }

  /**
   * Field errors a request schema has already worded: its messages come from the catalogue
   * through the validators' error map (`http/api/validation-messages.ts`).
   */
  static fromSchema(errors: FieldError[], detail: Refusal = 'invalidFields'): ValidationError {
    const refused = new ValidationError([], detail);
    refused.errors.push(...errors);
    return refused;
  }
}

export class UnauthorizedError extends DomainError {
  constructor(detail: Refusal = 'signInOrApiKey', errors: FieldRefusal[] = []) {
    super(401, detail, errors);
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail: Refusal) {
    super(403, detail);
  }
}

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, say('tooManyAttempts', retryAfterSeconds), [], {
      'retry-after': String(retryAfterSeconds),
    });
  }
}

/** A service we depend on (Stripe) failed or could not be reached; nothing was changed. */
export class UpstreamError extends DomainError {
  constructor(detail: Refusal) {
    super(502, detail);
  }
}

/** Not ready yet (a refund whose payment has not arrived): the sender should retry. */
export class RetryLaterError extends DomainError {
  constructor(detail: Refusal) {
    super(503, detail);
  }
}

/** The chain of messages a failure carries (drizzle wraps the driver's error as `cause`). */
function messagesOf(err: unknown): string[] {
  const out: string[] = [];
  let e = err;
  while (e instanceof Error && out.length < 4) {
    out.push(e.message);
    e = e.cause;
  }
  return out;
}

/** Two writes of the same unique thing at once: the database kept the first. */
const isUniqueViolation = (err: unknown) =>
  messagesOf(err).some((m) => /UNIQUE constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(m));

/**
 * The one map from failures of the layers below (the data layer's own errors, the
 * database's constraint errors) to refusals. The error renderer asks it about everything
 * it is given, so no service or route has to catch these to keep them from becoming a 500.
 */
export function asDomainError(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err;
  // A cursor the list never issued is the caller's mistake.
  if (err instanceof InvalidCursorError) {
    return new ValidationError([{ path: 'cursor', message: 'invalidCursor' }]);
  }
  if (isUniqueViolation(err)) return new ConflictError('savedMeanwhile');
  return undefined;
}
