import { formatQuantity } from '@clientele/core';
import { z } from '@hono/zod-openapi';
import { problemWords, readerLanguage } from '../../services/reader-language';

type Issue = Parameters<NonNullable<NonNullable<Parameters<typeof z.config>[0]>['customError']>>[0];

/**
 * Validation messages written for people, in the product's words and the reader's
 * language, for every check that has no message of its own ("Invalid input: expected
 * number, received null" becomes "Enter a number"). The problem document names the field
 * next to each message.
 */
export function humanMessage(issue: Issue): string | undefined {
  const w = problemWords();
  const n = (v: number | bigint) => formatQuantity(Number(v), readerLanguage());
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return w.required;
      if (issue.expected === 'number' || issue.expected === 'int') return w.enterNumber;
      if (issue.expected === 'string') return w.enterText;
      if (issue.expected === 'boolean') return w.chooseYesNo;
      if (issue.expected === 'array') return w.giveList;
      if (issue.expected === 'object') return w.giveObject;
      return w.notValidHere;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? w.required : w.atLeastChars(Number(issue.minimum));
      }
      if (issue.origin === 'array') return w.atLeastItems(Number(issue.minimum));
      return issue.inclusive ? w.atLeast(n(issue.minimum)) : w.moreThan(n(issue.minimum));
    case 'too_big':
      if (issue.origin === 'string') return w.atMostChars(Number(issue.maximum));
      if (issue.origin === 'array') return w.atMostItems(Number(issue.maximum));
      return issue.inclusive ? w.atMost(n(issue.maximum)) : w.lessThan(n(issue.maximum));
    case 'invalid_format':
      if (issue.format === 'email') return w.email;
      if (issue.format === 'date') return w.date;
      if (issue.format === 'url') return w.url;
      return w.format;
    case 'invalid_value':
      return w.oneOf(issue.values.map(String).join(', '));
    case 'unrecognized_keys':
      return w.unknownFields(issue.keys.join(', '));
    case 'not_multiple_of':
      return w.fewerDecimals;
    default:
      return undefined;
  }
}

/** Installed once for every schema of the API (zod's global configuration). */
export function useHumanMessages() {
  z.config({ customError: humanMessage });
}
