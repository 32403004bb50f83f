import { CTX, withSpan } from '@mikasmissions/context';
import { CLS_ID, ClsServiceManager } from 'nestjs-cls';
import { isObservable, lastValueFrom, type Observable } from 'rxjs';
import { consumedEvent } from '../consumed-event';
import { handlerFailure } from '../consumer-error.interceptor';
import type { EventEnvelope } from '../event-envelope';
import type { InboxStore } from '../ports/inbox-store';

/** A handler as Nest registers it on a transport (`@EventPattern`). */
export type EventHandlerFn = (data: unknown, ctx: unknown) => Promise<unknown>;

/** One handler call to make. */
export interface HandlerRun {
  handler: EventHandlerFn;
  envelope: EventEnvelope;
  ctx: unknown;
}

/**
 * Calls the handler inside a context carrying the event's request id, tenant and causation, in a
 * consumer span continuing the envelope's trace (when tracing is on); surfaces the handler's own error.
 */
async function invoke(run: HandlerRun): Promise<void> {
  const failure: { error?: unknown } = {};
  const cls = ClsServiceManager.getClsService();
  try {
    await handlerFailure.run(failure, () =>
      consumedEvent.run(run.envelope, () =>
        cls.run({ ifNested: 'inherit' }, async () => {
          cls.set(CLS_ID, run.envelope.requestId);
          cls.set(CTX.tenantHeader, run.envelope.tenantId);
          const attributes = {
            'messaging.system': 'redis',
            'messaging.operation': 'process',
            'messaging.destination.name': run.envelope.type,
            'messaging.message.id': run.envelope.id,
          };
          await withSpan(`${run.envelope.type} process`, { kind: 'consumer', parent: run.envelope, attributes }, async () => {
            const result = await run.handler(run.envelope, run.ctx);
            if (isObservable(result)) await lastValueFrom(result as Observable<unknown>, { defaultValue: undefined });
          });
        }),
      ),
    );
  } catch (error) {
    throw failure.error ?? error;
  }
}

/**
 * Runs `@EventPattern` handlers the way every transport must: through the inbox (at most once
 * per consumer group and event id), events of one aggregate in order, up to `chunks` inbox
 * batches in parallel. Returns per run `null` (done or duplicate) or the error.
 */
export async function runEventHandlers(runs: HandlerRun[], inbox: InboxStore, group: string, chunks: number): Promise<unknown[]> {
  const lanes = new Map<string, number[]>();
  runs.forEach((run, i) => {
    const key = run.envelope.aggregateId !== undefined ? `aggregate:${run.envelope.aggregateId}` : `event:${run.envelope.id}`;
    lanes.set(key, [...(lanes.get(key) ?? []), i]);
  });
  const buckets: number[][] = Array.from({ length: Math.max(1, Math.min(chunks, lanes.size)) }, () => []);
  [...lanes.values()].forEach((lane, i) => buckets[i % buckets.length].push(...lane));
  const results: unknown[] = runs.map(() => null);
  const cls = ClsServiceManager.getClsService();
  await Promise.all(
    buckets.map(async (indices) => {
      const errors = await cls.run(() =>
        inbox.runBatch(
          group,
          indices.map((i) => ({ envelope: runs[i].envelope, run: () => invoke(runs[i]) })),
        ),
      );
      indices.forEach((index, k) => (results[index] = errors[k]));
    }),
  );
  return results;
}
