import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { AuthxModule } from '@mikasmissions/authx';
import { CacheModule } from '@mikasmissions/cache';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { FlagsModule } from '@mikasmissions/flags';
import { HealthModule } from '@mikasmissions/health';
import { PlatformHttpModule } from '@mikasmissions/http';
import { IdempotencyModule } from '@mikasmissions/idempotency';
import { MessagingModule } from '@mikasmissions/messaging';
import { PersistenceModule } from '@mikasmissions/persistence';
import { ResilienceModule } from '@mikasmissions/resilience';
import { SerializeModule } from '@mikasmissions/serialize';
import { ServiceClientModule } from '@mikasmissions/service-client';
import { ServiceIdentityModule } from '@mikasmissions/service-identity';
import { assertPlatformOptions, schemaOf, type PlatformOptions } from './platform.options';

const OPTIONS = Symbol.for('mikasmissions.platform.options');

/**
 * The frame of every service, in one line: validated config, request context and logs,
 * persistence (connections, transactions, the service's schema), the HTTP frame with the
 * declared request pipeline, `/health` and `/ready`, and the decorators `@Serialize`, `@Flag`,
 * `@Resilience`/`@Chaos`, `@Cache`, `@Idempotency`, the gateway-signed identity (`@Roles`,
 * `IdentityScope`) — plus messaging and AuthX when asked.
 * A route pays only for the decorators it carries, whatever is imported here.
 *
 * @example
 * @Module({
 *   imports: [PlatformModule.forRoot({ service: 'catalog', http: { port: 8083, prefix: 'v1' } }), EpisodesModule],
 * })
 * export class AppModule {}
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    assertPlatformOptions(options);
    const { service } = options;
    const imports: Array<DynamicModule | Type<unknown>> = [
      PlatformConfigModule.forRoot(),
      ContextModule.forRoot({ serviceName: service }),
      PersistenceModule.forRoot({ schema: options.schema ?? schemaOf(service), prisma: options.prisma }),
      PlatformHttpModule,
      HealthModule,
      SerializeModule,
      FlagsModule,
      ResilienceModule,
    ];
    if (options.cache !== false) imports.push(CacheModule.forRoot(options.cache ?? {}));
    if (options.idempotency !== false) imports.push(IdempotencyModule.forRoot(options.idempotency ?? {}));
    if (options.identity !== false) imports.push(ServiceIdentityModule.forRoot(options.identity ?? {}));
    if (options.identity !== false && options.services !== false) imports.push(ServiceClientModule.forRoot({ service }));
    if (options.messaging) imports.push(MessagingModule.forRoot({ ...(options.messaging === true ? {} : options.messaging), service }));
    if (options.authx) imports.push(AuthxModule.forRoot(options.authx === true ? {} : options.authx));
    const module: DynamicModule = { module: PlatformModule, imports, exports: imports };
    Reflect.defineMetadata(OPTIONS, options, module);
    return module;
  }

  /** The options `forRoot` was given in `appModule`'s imports, if any. */
  static optionsOf(appModule: object): PlatformOptions | undefined {
    const imports = (Reflect.getMetadata('imports', appModule) ?? []) as unknown[];
    for (const entry of imports) {
      const options = entry && typeof entry === 'object' ? (Reflect.getMetadata(OPTIONS, entry) as PlatformOptions | undefined) : undefined;
      if (options) return options;
    }
    return undefined;
  }
}
