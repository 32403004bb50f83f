import { type DynamicModule, Global, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { MemoryChildOwnership } from './adapters/memory/memory-child-ownership';
import { IdentityScope } from './identity-scope';
import { IDENTITY_SETTINGS, IdentityStage } from './identity.stage';
import { CHILD_OWNERSHIP, type ChildOwnership } from './ports/child-ownership';
import { resolveIdentitySettings, serviceIdentityConfig } from './service-identity.config';

/** Options of {@link ServiceIdentityModule.forRoot}; every field has a default. */
export interface ServiceIdentityOptions {
  /** Who owns which child profile. Default: {@link MemoryChildOwnership} (owns nothing until granted). */
  childOwnership?: Type<ChildOwnership>;
  /** Modules the `childOwnership` class needs (e.g. the service's Prisma module). Default: none. */
  imports?: ModuleMetadata['imports'];
}

/**
 * Service-side identity: the `identity` guard stage (gateway-signed `x-auth-*` headers →
 * `@Context()`, `@Roles`, `/internal/*` for `service`) and {@link IdentityScope} for parent
 * scoping. Reads `EDGE_IDENTITY_KEY` and `EDGE_IDENTITY_MAX_SKEW_MS`; a required key that is
 * missing stops the start-up. `PlatformModule.forRoot` imports it unless `identity: false`.
 *
 * @example
 * @Module({ imports: [ServiceIdentityModule.forRoot({ childOwnership: PrismaChildOwnership })] })
 */
@UsesConfig(serviceIdentityConfig)
@Global()
@Module({})
export class ServiceIdentityModule {
  static forRoot(options: ServiceIdentityOptions = {}): DynamicModule {
    return {
      module: ServiceIdentityModule,
      imports: options.imports ?? [],
      providers: [
        { provide: IDENTITY_SETTINGS, inject: [AppConfig], useFactory: resolveIdentitySettings },
        { provide: CHILD_OWNERSHIP, useClass: options.childOwnership ?? MemoryChildOwnership },
        IdentityStage,
        IdentityScope,
      ],
      exports: [IdentityScope, CHILD_OWNERSHIP, IDENTITY_SETTINGS],
    };
  }
}
