'use client';

import type { paths } from '@mikasmissions/contracts-api';
import createClient, { type Client } from 'openapi-fetch';
import { useMemo, useSyncExternalStore } from 'react';
import { fallbackFetch } from '@/api/fallback-fetch';
import { usePublicConfig } from '@/config/config-provider';

/** The signed-in admin: the access token of `POST /v1/admin/login`, in memory only (no refresh: sign in again). */
export interface AdminSession {
  accessToken: string;
  adminUserId: string;
  expiresAt: number;
}

type Listener = () => void;
let current: AdminSession | null = null;
const listeners = new Set<Listener>();

/** The tab's admin session store (module memory, never localStorage/cookies; gone on reload by design). */
export const adminSessionStore = {
  get: (): AdminSession | null => (current && current.expiresAt > Date.now() ? current : null),
  set(session: AdminSession | null): void {
    current = session;
    for (const listener of [...listeners]) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The admin session (re-renders on sign-in and sign-out). */
export function useAdminSession(): AdminSession | null {
  return useSyncExternalStore(
    adminSessionStore.subscribe,
    () => current,
    () => null,
  );
}

/** A typed client of the v1 contract that sends the admin's bearer token (strict: no fallback unless the config asks). */
export function useAdminApi(): Client<paths> {
  const config = usePublicConfig();
  return useMemo(() => {
    const network: typeof fetch = config.useFallbacks ? fallbackFetch : (input, init) => globalThis.fetch(input, init);
    return createClient<paths>({
      baseUrl: config.apiBaseUrl,
      fetch: (request: Request) => {
        const token = adminSessionStore.get()?.accessToken;
        if (token) request.headers.set('authorization', `Bearer ${token}`);
        return network(request);
      },
    });
  }, [config]);
}
