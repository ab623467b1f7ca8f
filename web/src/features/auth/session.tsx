import type { Language } from '@clientele/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError } from '../../api/http';
import type { Session } from '../../api/types';
import { browserLanguage, WordsProvider } from '../../i18n';
import { currentSession, signOut as endSession } from './api';

interface SessionState {
  session: Session | null;
  loading: boolean;
  setSession: (s: Session | null) => void;
  signOut: () => Promise<void>;
  /** A visitor's pick on the sign-up form (null: none, use the browser's language). */
  chooseLanguage: (lang: Language | null) => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const [chosen, chooseLanguage] = useState<Language | null>(null);

  useEffect(() => {
    currentSession()
      .then(setSession)
      .catch((err) => {
        if (!(err instanceof ApiError && err.status === 401)) console.error(err);
      })
      .finally(() => setLoading(false));
  }, []);

  const signOut = useCallback(async () => {
    await endSession().catch(() => undefined);
    setSession(null);
  }, []);

  // Signed in, the app speaks the business's language; before that, the one picked on the
  // sign-up form, else the browser's.
  return (
    <SessionContext.Provider value={{ session, loading, setSession, signOut, chooseLanguage }}>
      <WordsProvider lang={session?.locale ?? chosen ?? browserLanguage()}>{children}</WordsProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
