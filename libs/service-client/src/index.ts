export { ServiceClient, SERVICE_CLIENT_CALLER } from './service-client';
export type { ServiceRequest, ServiceResponse } from './service-client';
export { SERVICE_URLS, serviceClientConfig, serviceUrlShape } from './service-client.config';
export type { ServiceClientEnv, ServiceName } from './service-client.config';
export { ServiceUnavailableError } from './service-client.errors';
export { ProfileChildOwnership } from './adapters/profile-child-ownership';
export { ServiceClientModule } from './service-client.module';
export type { ServiceClientOptions } from './service-client.module';
