import { createContractValidator, type ServiceProcesses } from '@mikasmissions/testing';
import { gatewayCall, poll } from './testing/gateway-client';
import { createChild, signUpParent, startPlatform, stopPlatform, verifyConsent } from './testing/gateway-parent';
import { type CollectedSpan, type OtlpCollector, startOtlpCollector } from './testing/otlp-collector';

const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

/**
 * Observability (issue 17): one trace gateway → identity → outbox → billing's consumer. The three
 * apps run as real processes exporting OTLP/HTTP JSON to a capturing collector; identity writes
 * `consent.verified` to its outbox while handling `POST /v1/parents/consent/verify`, the relay
 * sends it over Redis Streams, and billing's consumer span continues the envelope's traceparent.
 * Then profile's call to identity over libs/service-client stays in the trace of its request.
 */
describe('one trace across gateway, identity and billing', () => {
  let collector: OtlpCollector;
  let platform: ServiceProcesses;
  const call = gatewayCall(() => platform.urls.gateway, createContractValidator());

  beforeAll(async () => {
    collector = await startOtlpCollector();
    platform = await startPlatform(['identity', 'billing', 'profile', 'gateway'], {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collector.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
  }, 180_000);
  afterAll(async () => {
    await stopPlatform(platform);
    await collector?.close();
  });

  it('links the gateway span, identity’s server span and billing’s consumer span in one trace', async () => {
    const parent = await signUpParent(call, 'trace');
    const { id: parentId, token } = parent;
    await verifyConsent(call, platform, parent);
    await poll(
      'the trial from consent.verified',
      () => call('GET', `/v1/billing/entitlements?parent_user_id=${parentId}`, undefined, token),
      (r) => r.status === 200 && r.body.active === true,
    );

    const isVerify = (s: CollectedSpan) =>
      String(s.attributes['url.path'] ?? s.attributes['http.target'] ?? s.attributes['http.url'] ?? '').includes('/consent/verify');
    const trace = await poll(
      'the spans of the verify request',
      async () => {
        const root = collector.spans().find((s) => s.service === 'gateway' && s.kind === SERVER && isVerify(s));
        return root ? collector.spans().filter((s) => s.traceId === root.traceId) : [];
      },
      (spans) => spans.some((s) => s.service === 'billing' && s.kind === CONSUMER),
      20_000,
    );
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const gatewayServer = trace.find((s) => s.service === 'gateway' && s.kind === SERVER)!;
    const gatewayClient = trace.find((s) => s.service === 'gateway' && s.kind === CLIENT)!;
    const identityServer = trace.find((s) => s.service === 'identity' && s.kind === SERVER)!;
    const consumer = trace.find((s) => s.service === 'billing' && s.kind === CONSUMER)!;
    expect(gatewayServer.parentSpanId).toBe('');
    expect(gatewayClient.parentSpanId).toBe(gatewayServer.spanId);
    expect(identityServer.parentSpanId).toBe(gatewayClient.spanId);
    expect(consumer).toMatchObject({
      name: 'consent.verified process',
      attributes: expect.objectContaining({ 'messaging.destination.name': 'consent.verified' }),
    });
    const ancestors: CollectedSpan[] = [];
    for (let s = byId.get(consumer.parentSpanId); s; s = byId.get(s.parentSpanId)) ancestors.push(s);
    expect(ancestors.map((s) => s.service)).toContain('identity');
    expect(ancestors).toContainEqual(identityServer);
    expect(ancestors[ancestors.length - 1]).toEqual(gatewayServer);

    await createChild(call, parent);
    const isCreate = (s: CollectedSpan) =>
      s.service === 'gateway' && s.kind === SERVER && String(s.attributes['url.path'] ?? '').endsWith('/children/profiles');
    const hop = await poll(
      'the spans of the child profile request',
      async () => {
        const root = collector.spans().find(isCreate);
        return root ? collector.spans().filter((s) => s.traceId === root.traceId) : [];
      },
      (spans) => spans.some((s) => s.service === 'identity' && s.kind === SERVER),
      20_000,
    );
    const profileServer = hop.find((s) => s.service === 'profile' && s.kind === SERVER)!;
    const profileClient = hop.find((s) => s.service === 'profile' && s.kind === CLIENT)!;
    expect(profileClient).toMatchObject({ name: 'GET identity', parentSpanId: profileServer.spanId });
    expect(hop.find((s) => s.service === 'identity' && s.kind === SERVER)!.parentSpanId).toBe(profileClient.spanId);
  }, 90_000);
});
