import { HttpException, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { PlatformError } from '@mikasmissions/http';
import { catchError, type Observable } from 'rxjs';
import { AuthxUnavailableError } from '../authx.errors';

/**
 * Turns failures of AuthX's stores (Postgres, Redis down) on its routes into 503
 * `AUTH_UNAVAILABLE` instead of a 500; typed errors pass through unchanged.
 */
@Injectable()
export class StoreErrorInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Authx');

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof PlatformError || error instanceof HttpException) throw error;
        this.logger.error(`store failure: ${error instanceof Error ? error.message : String(error)}`);
        throw new AuthxUnavailableError();
      }),
    );
  }
}
