import { DynamicModule, Global, Module } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { AppConfig } from './app-config';
import { fragmentsOfModules } from './collect-config-fragments';
import { loadConfig } from './load-config';

/** Options of {@link PlatformConfigModule.forRoot}. */
export interface PlatformConfigOptions {
  /** The environment to validate. Default: `process.env`. */
  env?: Record<string, string | undefined>;
}

/**
 * Validated configuration for the whole app, global: provides {@link AppConfig}, built by one
 * `loadConfig` pass over the core variables and the fragment of every module in the app that
 * declares one with `@UsesConfig` (no list to keep). A bad variable anywhere fails the
 * start-up with one line per problem.
 *
 * @example
 * @Module({ imports: [PlatformConfigModule.forRoot(), MessagingModule.forRoot({ service: 'analytics' })] })
 * export class AppModule {}
 */
@Global()
@Module({})
export class PlatformConfigModule {
  static forRoot(options: PlatformConfigOptions = {}): DynamicModule {
    return {
      module: PlatformConfigModule,
      providers: [
        {
          provide: AppConfig,
          inject: [ModulesContainer],
          useFactory: (modules: ModulesContainer) =>
            loadConfig(options.env ?? process.env, fragmentsOfModules([...modules.values()].map((m) => m.metatype))),
        },
      ],
      exports: [AppConfig],
    };
  }
}
