import { type CorpusCase, type CorpusFiles, replyCorpora } from './reply-corpora';

declare global {
  interface ImportMeta {
    glob(pattern: string, options: { query: '?raw'; import: 'default'; eager: true }): Record<string, string>;
  }
}

// Vite inlines the files at transform time, so the test reads them inside workerd, which
// has no view of the host's disk. The shared folder sits beside the repository (as in CI).
const PREFIX = '../../../../shared/corpora/replies/';
const globbed = import.meta.glob('../../../../shared/corpora/replies/**/*', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The shared reply corpora as cases; throws, naming the folder, when they are missing. */
export function sharedReplyCorpora(): CorpusCase[] {
  const files: CorpusFiles = {};
  for (const [path, text] of Object.entries(globbed)) files[path.slice(PREFIX.length)] = text;
  return replyCorpora(files);
}
