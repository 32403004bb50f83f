export { bootstrap } from './bootstrap';
export { PlatformModule } from './platform.module';
export { schemaOf } from './platform.options';
export type { PlatformHttpOptions, PlatformOptions } from './platform.options';
