import { problemWords } from './reader-language';
/**
 * Typed failures a service can report. The HTTP layer turns each into one
 * problem+json response; queue and email handlers decide retry vs. give up.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 502 | 503,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(404, 'Not Found', `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(detail: string) {
    super(409, 'Conflict', detail);
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], detail = problemWords().invalidFields) {
    super(422, 'Unprocessable Content', detail, errors);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(detail = 'Sign in or send an API key') {
    super(401, 'Unauthorized', detail);
  }
}

export class ForbiddenError extends DomainError {
  constructor(detail: string) {
    super(403, 'Forbidden', detail);
  }
}

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'Too Many Requests', problemWords().tooManyAttempts(retryAfterSeconds));
  }
}

/** A service we depend on (Stripe) failed or could not be reached; nothing was changed. */
export class UpstreamError extends DomainError {
  constructor(detail: string) {
    super(502, 'Bad Gateway', detail);
  }
}

/** Not ready yet (a refund whose payment has not arrived): the sender should retry. */
export class RetryLaterError extends DomainError {
  constructor(detail: string) {
    super(503, 'Service Unavailable', detail);
  }
}
