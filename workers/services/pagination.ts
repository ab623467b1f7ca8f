import { InvalidCursorError } from '@clientele/db';
import { ValidationError } from './errors';
import { problemWords } from './reader-language';

/**
 * Runs one keyset-paged list query. Every list shares the db package's cursor codec, which
 * throws on a cursor it never issued; that is the caller's mistake (422 naming `cursor`),
 * so no list can turn it into a 500 by forgetting to catch it.
 */
export async function pageWithCursor<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof InvalidCursorError) {
      throw new ValidationError([{ path: 'cursor', message: problemWords().invalidCursor }]);
    }
    throw err;
  }
}
