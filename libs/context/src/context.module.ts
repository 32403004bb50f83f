import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClsModule, ClsServiceManager } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { pino, type DestinationStream, type Logger } from 'pino';
import { CTX, RequestContext } from './request-context';
import { REQUEST_ID_HEADER, readTenantHeader, resolveRequestId } from './request-id';
import { logWhenFinished } from './request-log';

/** Options of {@link ContextModule.forRoot}; every field has a default. */
export interface ContextModuleOptions {
  /** Where JSON log lines go. Default: stdout. Tests pass a capturing stream. */
  logDestination?: DestinationStream;
  /** Service name stamped on every log line. Default: `app`. */
  serviceName?: string;
}

/** Values that never reach a log line. */
const SECRET_KEYS = ['password', 'code', 'otp', 'secret', 'token', 'accessToken', 'refreshToken', 'idToken', 'clientSecret'];

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
function platformLogger(config: AppConfig, options: ContextModuleOptions, holder: { logger?: Logger }): Logger {
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

/**
 * Request context for every request (nestjs-cls): request id in and out (`x-request-id`),
 * tenant resolution, the principal, and structured JSON logs (nestjs-pino) whose every line
 * carries `requestId`.
 *
 * @example
 * @Module({ imports: [ContextModule.forRoot({ serviceName: 'analytics' })] })
 */
@Global()
@Module({})
export class ContextModule {
  static forRoot(options: ContextModuleOptions = {}): DynamicModule {
    const holder: { logger?: Logger } = {};
    return {
      module: ContextModule,
      imports: [
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            idGenerator: (req: IncomingMessage) => resolveRequestId(req),
            setup: (cls, req: IncomingMessage, res: ServerResponse) => {
              res.setHeader(REQUEST_ID_HEADER, resolveRequestId(req));
              if (holder.logger) logWhenFinished(holder.logger, req, res);
              const tenant = readTenantHeader(req);
              if (tenant === null) cls.set(CTX.tenantHeaderInvalid, true);
              else if (tenant) cls.set(CTX.tenantHeader, tenant);
            },
          },
        }),
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ pinoHttp: { logger: platformLogger(config, options, holder) }, forRoutes: [] }),
        }),
      ],
      providers: [RequestContext],
      exports: [RequestContext],
    };
  }
}
