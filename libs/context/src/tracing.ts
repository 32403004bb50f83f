import type { AppConfig } from '@mikasmissions/config';

interface TracingHandle {
  shutdown(): Promise<void>;
}

let active: TracingHandle | undefined;

/** Whether {@link startTracing} started the SDK in this process (spans are recorded and exported). */
export function isTracing(): boolean {
  return active !== undefined;
}

/**
 * Starts OpenTelemetry tracing with an OTLP/HTTP exporter when
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` is set. When it is not, no OpenTelemetry module is
 * even loaded. Call before the HTTP server is created.
 */
export function startTracing(config: Pick<AppConfig, 'otel'>, serviceName: string): TracingHandle | undefined {
  const endpoint = config.otel.tracesEndpoint;
  if (!endpoint || active) return active;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const sdk = new NodeSDK({
    serviceName: config.otel.serviceName ?? serviceName,
    traceExporter: new OTLPTraceExporter({ url: endpoint }),
    instrumentations: [new HttpInstrumentation()],
  });
  sdk.start();
  active = {
    shutdown: async () => {
      active = undefined;
      await sdk.shutdown();
    },
  };
  return active;
}
