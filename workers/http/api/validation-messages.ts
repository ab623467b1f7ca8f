import { z } from '@hono/zod-openapi';

type Issue = Parameters<NonNullable<NonNullable<Parameters<typeof z.config>[0]>['customError']>>[0];

const plural = (n: number | bigint, one: string, many: string) => `${n} ${Number(n) === 1 ? one : many}`;

/**
 * Validation messages written for people, in the product's words, for every check that
 * has no message of its own ("Invalid input: expected number, received null" becomes
 * "Enter a number"). The problem document names the field next to each message.
 */
export function humanMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'This field is required';
      if (issue.expected === 'number' || issue.expected === 'int') return 'Enter a number';
      if (issue.expected === 'string') return 'Enter text';
      if (issue.expected === 'boolean') return 'Choose yes or no';
      if (issue.expected === 'array') return 'Give a list';
      if (issue.expected === 'object') return 'Give the details as an object';
      return 'This value is not valid here';
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'This field is required'
          : `Use at least ${plural(issue.minimum, 'character', 'characters')}`;
      }
      if (issue.origin === 'array') return `Add at least ${plural(issue.minimum, 'item', 'items')}`;
      return issue.inclusive ? `Enter ${issue.minimum} or more` : `Enter more than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `Use at most ${plural(issue.maximum, 'character', 'characters')}`;
      if (issue.origin === 'array') return `Give at most ${plural(issue.maximum, 'item', 'items')}`;
      return issue.inclusive ? `Enter ${issue.maximum} or less` : `Enter less than ${issue.maximum}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter an email address like name@example.com';
      if (issue.format === 'date') return 'Enter a date as YYYY-MM-DD';
      if (issue.format === 'url') return 'Enter a web address starting with https://';
      return 'This is not in the expected format';
    case 'invalid_value':
      return `Choose one of: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `Unknown ${issue.keys.length === 1 ? 'field' : 'fields'}: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return 'Use fewer decimal places';
    default:
      return undefined;
  }
}

/** Installed once for every schema of the API (zod's global configuration). */
export function useHumanMessages() {
  z.config({ customError: humanMessage });
}
