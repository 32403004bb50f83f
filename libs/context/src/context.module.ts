import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { CTX, RequestContext } from './request-context';
import { REQUEST_ID_HEADER, readTenantHeader, resolveRequestId } from './request-id';

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
              const tenant = readTenantHeader(req);
              if (tenant === null) cls.set(CTX.tenantHeaderInvalid, true);
              else if (tenant) cls.set(CTX.tenantHeader, tenant);
            },
          },
        }),
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: [
              {
                level: config.log.level,
                base: { service: options.serviceName ?? 'app' },
                genReqId: (req: IncomingMessage) => resolveRequestId(req),
                customProps: (req: IncomingMessage) => ({ requestId: resolveRequestId(req) }),
                redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
                serializers: {
                  req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
                  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
                },
                customLogLevel: (_req: unknown, res: ServerResponse, err?: Error) =>
                  err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
                transport:
                  config.log.pretty && !options.logDestination
                    ? { target: 'pino-pretty', options: { singleLine: true } }
                    : undefined,
              },
              options.logDestination,
            ].filter((v) => v !== undefined) as never,
          }),
        }),
      ],
      providers: [RequestContext],
      exports: [RequestContext],
    };
  }
}
