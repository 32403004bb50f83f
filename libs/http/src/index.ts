export { bootstrap } from './bootstrap';
export type { BootstrapOptions } from './bootstrap';
export { createApp } from './create-app';
export type { CreateAppOptions, HttpAdapterName } from './create-app';
export { mapError, toErrorBody } from './error-body';
export type { ErrorBody, MappedError } from './error-body';
export { HttpErrorFilter } from './http-error.filter';
export { PlatformError } from './platform-error';
export { PlatformHttpModule } from './platform-http.module';
