import { DynamicModule, Global, Inject, Module, type NestModule } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '@mikasmissions/config';
import { ClsModule, ClsService, ClsServiceManager } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger } from 'pino';
import { RequestContext } from './request-context';
import { mountRequestContext } from './request-context.hook';
import { SECRET_KEYS } from './secret-keys';

/** Options of {@link ContextModule.forRoot}; every field has a default. */
export interface ContextModuleOptions {
  /** Where JSON log lines go. Default: stdout. Tests pass a capturing stream. */
  logDestination?: DestinationStream;
  /** Service name stamped on every log line. Default: `app`. */
  serviceName?: string;
}

/** Values that never reach a log line (top level and one level down). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
];

/**
 * The process's one pino logger: JSON lines (pretty with `LOG_PRETTY`), secrets redacted, and
 * every line written inside a request stamped with its `requestId` by a mixin — no child
 * logger per request, which is what made request logging cost more than the route itself.
 */
function platformLogger(config: AppConfig, options: ContextModuleOptions, holder: LoggerHolder): Logger {
  const transport = config.log.pretty && !options.logDestination ? { target: 'pino-pretty', options: { singleLine: true } } : undefined;
  const logger = pino(
    {
      level: config.log.level,
      base: { service: options.serviceName ?? 'app' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => {
        const cls = ClsServiceManager.getClsService();
        return cls.isActive() ? { requestId: cls.getId() } : {};
      },
      transport,
    },
    transport ? undefined : options.logDestination,
  );
  holder.logger = logger;
  return logger;
}

/** Holds the process logger once nestjs-pino's factory made it. */
const LOGGER_HOLDER = Symbol('mm.context.loggerHolder');
type LoggerHolder = { logger?: Logger };

/**
 * Request context for every request (nestjs-cls): request id in and out (`x-request-id`),
 * tenant resolution, the principal, and structured JSON logs (nestjs-pino) whose every line
 * carries `requestId`. The context is opened on the adapter's own request path (a Fastify
 * `onRequest` hook, an Express `use`; see `request-context.hook.ts`), not through nestjs-cls'
 * middleware and Nest's middleware chain.
 *
 * @example
 * @Module({ imports: [ContextModule.forRoot({ serviceName: 'analytics' })] })
 */
@Global()
@Module({})
export class ContextModule implements NestModule {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly cls: ClsService,
    @Inject(LOGGER_HOLDER) private readonly holder: LoggerHolder,
  ) {}

  /** Nest calls this before it registers routes: the context opens ahead of every route. */
  configure(): void {
    mountRequestContext(this.adapterHost.httpAdapter, this.cls, () => this.holder.logger);
  }

  static forRoot(options: ContextModuleOptions = {}): DynamicModule {
    const holder: LoggerHolder = {};
    return {
      module: ContextModule,
      imports: [
        ClsModule.forRoot({ global: true, middleware: { mount: false } }),
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ pinoHttp: { logger: platformLogger(config, options, holder) }, forRoutes: [] }),
        }),
      ],
      providers: [RequestContext, { provide: LOGGER_HOLDER, useValue: holder }],
      exports: [RequestContext],
    };
  }
}
