import { type DynamicModule, Global, Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { ProfileChildOwnership } from './adapters/profile-child-ownership';
import { SERVICE_CLIENT_CALLER, ServiceClient } from './service-client';
import { serviceClientConfig } from './service-client.config';

/** Options of {@link ServiceClientModule.forRoot}. */
export interface ServiceClientOptions {
  /** The calling service's name, signed as `x-auth-subject: service:<name>`. */
  service: string;
}

/**
 * Service-to-service calls as the signed `service` identity: provides {@link ServiceClient}
 * and {@link ProfileChildOwnership} to the whole app. Needs `ServiceIdentityModule` (the
 * platform frame imports it) for the signing key. Reads the `service-client` config fragment.
 *
 * @example
 * @Module({ imports: [ServiceClientModule.forRoot({ service: 'catalog' })] })
 */
@UsesConfig(serviceClientConfig)
@Global()
@Module({})
export class ServiceClientModule {
  static forRoot(options: ServiceClientOptions): DynamicModule {
    return {
      module: ServiceClientModule,
      providers: [{ provide: SERVICE_CLIENT_CALLER, useValue: options.service }, ServiceClient, ProfileChildOwnership],
      exports: [ServiceClient, ProfileChildOwnership],
    };
  }
}
