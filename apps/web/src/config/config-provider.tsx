'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { PublicConfig } from './public-config';

const ConfigContext = createContext<PublicConfig | null>(null);

/** Hands the server-resolved {@link PublicConfig} to client components. */
export function ConfigProvider({ config, children }: { config: PublicConfig; children: ReactNode }) {
  return <ConfigContext.Provider value={config}>{children}</ConfigContext.Provider>;
}

/** The public config; throws outside {@link ConfigProvider}. */
export function usePublicConfig(): PublicConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('usePublicConfig outside ConfigProvider');
  return config;
}
