import { ProblemSchema } from '../fields';

export const conflict = {
  409: {
    description: 'Not allowed in the current status',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
};
