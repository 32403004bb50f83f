import { AsyncLocalStorage } from 'node:async_hooks';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';

/** Where the consumer learns a handler's original error (Nest's RPC filter replaces it with "Internal server error"). */
export const handlerFailure = new AsyncLocalStorage<{ error?: unknown }>();

/**
 * Global interceptor (registered by `MessagingModule`): remembers the error an event handler
 * threw, so the dead-letter entry carries the real message.
 */
@Injectable()
export class ConsumerErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        const slot = handlerFailure.getStore();
        if (slot) slot.error = error;
        return throwError(() => error);
      }),
    );
  }
}
