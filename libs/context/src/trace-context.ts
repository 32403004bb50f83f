import { isTracing } from './tracing';

/** The W3C trace context of a message (`traceparent`, `tracestate`), as an event envelope carries it. */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

/** What a span is to its trace (OpenTelemetry `SpanKind`). */
export type TraceSpanKind = 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/** Options of {@link withSpan}. */
export interface SpanOptions {
  kind?: TraceSpanKind;
  /** Continue this trace context (an event's envelope) instead of the active one. */
  parent?: TraceCarrier;
  attributes?: Record<string, string | number | boolean>;
}

type Api = typeof import('@opentelemetry/api');

/* eslint-disable @typescript-eslint/no-require-imports -- loaded only while tracing runs */
const api = (): Api => require('@opentelemetry/api') as Api;
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The active span's W3C trace context (`traceparent`, and `tracestate` when set), or `{}` when
 * tracing is off (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` unset) or no span is active.
 *
 * @example
 * const envelope = { ...fields, ...activeTraceCarrier() };
 */
export function activeTraceCarrier(): TraceCarrier {
  if (!isTracing()) return {};
  const { context, propagation } = api();
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    ...(carrier.traceparent ? { traceparent: carrier.traceparent } : {}),
    ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}),
  };
}

/**
 * Runs `fn` inside a new span named `name` (a child of `options.parent` when given, else of the
 * active span), records an exception and an error status when `fn` throws, and ends the span.
 * Without tracing it only runs `fn`.
 *
 * @example
 * await withSpan(`${envelope.type} process`, { kind: 'consumer', parent: envelope }, () => handler(envelope));
 */
export async function withSpan<T>(name: string, options: SpanOptions, fn: () => Promise<T>): Promise<T> {
  if (!isTracing()) return fn();
  const { context, propagation, trace, SpanKind, SpanStatusCode } = api();
  const kinds = {
    internal: SpanKind.INTERNAL,
    server: SpanKind.SERVER,
    client: SpanKind.CLIENT,
    producer: SpanKind.PRODUCER,
    consumer: SpanKind.CONSUMER,
  };
  const parent = options.parent?.traceparent ? propagation.extract(context.active(), options.parent) : context.active();
  const span = trace
    .getTracer('mikasmissions')
    .startSpan(name, { kind: kinds[options.kind ?? 'internal'], attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), fn);
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
}
