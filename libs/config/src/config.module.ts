import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';
import { loadConfig } from './load-config';

/** Options of {@link PlatformConfigModule.forRoot}. */
export interface PlatformConfigOptions {
  /** The environment to validate. Default: `process.env`. */
  env?: Record<string, string | undefined>;
}

/**
 * Validated configuration for the whole app, global. Fails the start-up with one line per
 * bad variable; provides {@link AppConfig} and @nestjs/config's `ConfigService`.
 *
 * @example
 * @Module({ imports: [PlatformConfigModule.forRoot()] })
 * export class AppModule {}
 */
@Global()
@Module({})
export class PlatformConfigModule {
  static forRoot(options: PlatformConfigOptions = {}): DynamicModule {
    return {
      module: PlatformConfigModule,
      imports: [
        NestConfigModule.forRoot({
          ignoreEnvFile: true,
          cache: true,
          load: [() => ({ ...(options.env ?? process.env) })],
        }),
      ],
      providers: [{ provide: AppConfig, useFactory: () => loadConfig(options.env ?? process.env) }],
      exports: [AppConfig, NestConfigModule],
    };
  }
}
