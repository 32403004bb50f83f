export { Context } from './context.decorator';
export { ContextModule, REDACTED_PATHS } from './context.module';
export type { ContextModuleOptions } from './context.module';
export type { Principal, RequestContextSnapshot } from './principal';
export { CTX, RequestContext } from './request-context';
export { DEFAULT_TENANT, REQUEST_ID_HEADER, TENANT_HEADER, readTenantHeader, resolveRequestId } from './request-id';
export { startTracing } from './tracing';
export { addRequestLogFields } from './request-log';
