import type { DocumentView } from '../../../services/documents/view';
import { ProblemSchema } from '../fields';

export const conflict = {
  409: {
    description: 'Not allowed in the current status',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
};

// The service returns the shared view; its status strings are the schema's enums.
export const out = (v: DocumentView) => v as never;
