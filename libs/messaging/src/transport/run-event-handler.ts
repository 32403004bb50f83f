import { CTX } from '@mikasmissions/context';
import { CLS_ID, ClsServiceManager } from 'nestjs-cls';
import { isObservable, lastValueFrom, type Observable } from 'rxjs';
import { consumedEvent } from '../consumed-event';
import { handlerFailure } from '../consumer-error.interceptor';
import type { EventEnvelope } from '../event-envelope';
import type { InboxStore } from '../ports/inbox-store';

/** A handler as Nest registers it on a transport (`@EventPattern`). */
export type EventHandlerFn = (data: unknown, ctx: unknown) => Promise<unknown>;

/**
 * Runs one `@EventPattern` handler for `envelope` the way every transport must: inside a
 * request context carrying the event's request id and tenant, through the inbox (at most
 * once per consumer group and event id), with the handler's own error surfaced (Nest's RPC
 * filter would replace it with "Internal server error").
 */
export async function runEventHandler(handler: EventHandlerFn, envelope: EventEnvelope, ctx: unknown, inbox: InboxStore, group: string): Promise<boolean> {
  const failure: { error?: unknown } = {};
  const invoke = () =>
    inbox.runOnce(group, envelope, async () => {
      const result = await handler(envelope, ctx);
      if (isObservable(result)) await lastValueFrom(result as Observable<unknown>, { defaultValue: undefined });
    });
  try {
    return await handlerFailure.run(failure, () =>
      consumedEvent.run(envelope, () => {
        const cls = ClsServiceManager.getClsService();
        return cls.run(() => {
          cls.set(CLS_ID, envelope.requestId);
          cls.set(CTX.tenantHeader, envelope.tenantId);
          return invoke();
        });
      }),
    );
  } catch (error) {
    throw failure.error ?? error;
  }
}
