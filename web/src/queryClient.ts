import { QueryClient } from '@tanstack/react-query';

/**
 * One cache for the app. Reads are cached per key (built by each feature's query factory,
 * `features/<domain>/queries.ts`) and refetched when stale; every write invalidates what it
 * changed through those factories' keys (`useApiForm`), so pages never reload by hand.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: true },
  },
});
