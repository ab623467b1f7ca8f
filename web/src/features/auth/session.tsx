import type { Language } from '@clientele/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import type { CurrentSession, Session } from '../../api/types';
import { browserLanguage, WordsProvider } from '../../i18n';
import { signOut as endSession } from './api';
import { sessionQueries } from './queries';

interface SessionState {
  session: CurrentSession | null;
  loading: boolean;
  setSession: (s: Session | null) => void;
  signOut: () => Promise<void>;
  /** A visitor's pick on the sign-up form (null: none, use the browser's language). */
  chooseLanguage: (lang: Language | null) => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const current = useQuery(sessionQueries.current());
  const session = current.data ?? null;
  const loading = current.isPending;
  const [chosen, chooseLanguage] = useState<Language | null>(null);
  const setSession = useCallback(
    (s: Session | null) => {
      const key = sessionQueries.current().queryKey;
      const before = queryClient.getQueryData(key);
      // Sign-in answers the session without the person's own state; it is read right after.
      const user = before?.user ?? {
        id: s?.userId ?? '',
        email: s?.email ?? '',
        name: null,
        locale: null,
        emailVerified: true,
        twoFactorEnabled: false,
      };
      queryClient.setQueryData(key, s ? { ...s, user } : null);
      if (s) void queryClient.invalidateQueries({ queryKey: key });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await endSession().catch(() => undefined);
    setSession(null);
  }, [setSession]);

  // Signed in, the app speaks the person's language, else the business's; before that, the one picked on the
  // sign-up form, else the browser's.
  return (
    <SessionContext.Provider value={{ session, loading, setSession, signOut, chooseLanguage }}>
      <WordsProvider lang={session?.user.locale ?? session?.locale ?? chosen ?? browserLanguage()}>
        {children}
      </WordsProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
