export { ADAPTERS, baseUrl, bootApp } from './boot-app';
export type { BootAppOptions } from './boot-app';
export { startFaultProxy } from './fault-proxy';
export type { FaultProxy, FaultProxyMode } from './fault-proxy';
export { testDatabaseUrl, testEnv, testRedisUrl, uniquePrefix } from './test-env';
export type { TestStores } from './test-env';
export { createLibSchema, dropSchema, libMigrations } from './lib-schema';
