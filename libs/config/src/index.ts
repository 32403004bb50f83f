export { AppConfig } from './app-config';
export type { JwtKeys, StoreKind } from './app-config';
export { ConfigValidationError } from './config.errors';
export { PlatformConfigModule } from './config.module';
export type { PlatformConfigOptions } from './config.module';
export { loadConfig, resolvePort } from './load-config';
