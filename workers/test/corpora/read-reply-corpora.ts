import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CorpusFiles } from './reply-corpora';

/** The corpora from disk (Node: the benchmark), as the map `replyCorpora` reads. */
export function readReplyCorpora(root: string): CorpusFiles {
  if (!existsSync(root))
    throw new Error(`reply corpora: ${root} is missing — shared/ must sit beside the repository`);
  const files: CorpusFiles = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}
