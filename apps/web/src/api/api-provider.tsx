'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import { usePublicConfig } from '@/config/config-provider';
import { type ApiClients, createApiClients } from './api-client';
import { type SessionState, sessionStore } from './session-store';

const ApiContext = createContext<ApiClients | null>(null);

/** The tab's API clients and query cache (no retries: an error shows at once, strict mode). */
export function ApiProvider({ children }: { children: ReactNode }) {
  const config = usePublicConfig();
  const [clients] = useState(() => createApiClients(config, sessionStore));
  const [queries] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } } }),
  );
  return (
    <ApiContext.Provider value={clients}>
      <QueryClientProvider client={queries}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}

/** The API clients (`anonymous`, `parent`, `child`). */
export function useApi(): ApiClients {
  const clients = useContext(ApiContext);
  if (!clients) throw new Error('useApi outside ApiProvider');
  return clients;
}

/** The in-memory session (re-renders on sign-in, refresh, sign-out). */
export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot, sessionStore.getSnapshot);
}
