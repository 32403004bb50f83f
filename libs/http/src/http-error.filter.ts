import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { REQUEST_ID_HEADER, resolveRequestId } from '@mikasmissions/context';
import type { IncomingMessage } from 'node:http';
import { mapError, STORE_UNAVAILABLE, toErrorBody } from './error-body';
import { PlatformError } from './platform-error';

/** The single place where errors become HTTP responses, on Express and Fastify alike. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<IncomingMessage & { raw?: IncomingMessage }>();
    const response = http.getResponse();
    const adapter = this.adapterHost.httpAdapter;
    const mapped = mapError(exception);
    const requestId = resolveRequestId(request.raw ?? request);
    if (mapped.code === STORE_UNAVAILABLE)
      this.logger.warn(`${request.method} ${request.url}: ${STORE_UNAVAILABLE} (${describeCause(exception)})`);
    else if (mapped.status >= 500 && exception instanceof PlatformError) {
      // an expected 5xx (a typed error the code throws on purpose: /flaky, a failed /ready): one line, no stack
      const line = `${request.method} ${request.url}: ${mapped.status} ${mapped.code} (${exception.message.split('\n')[0]})`;
      if (mapped.status === 503) this.logger.warn(line);
      else this.logger.error(line);
    } else if (mapped.status >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    adapter.setHeader(response, REQUEST_ID_HEADER, requestId);
    for (const [name, value] of Object.entries(mapped.headers ?? {})) adapter.setHeader(response, name, value);
    adapter.reply(response, toErrorBody(mapped, requestId), mapped.status);
  }
}

/** One line for an outage-caused error: the driver's message, not a stack per request. */
function describeCause(exception: unknown): string {
  const cause = exception instanceof Error && exception.cause instanceof Error ? exception.cause : exception;
  return cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
}
