import type { INestApplication } from '@nestjs/common';
import {
  type EventDefinition,
  MediaApproved,
  type MediaApprovedPayload,
  MediaTranscodeRequested,
  type MediaTranscodeRequestedPayload,
  MediaUploaded,
  type MediaUploadedPayload,
} from '@mikasmissions/contracts-events';
import { connectEventConsumers, EventPublisher } from '@mikasmissions/messaging';
import { ADAPTERS, bootApp, testEnv, type TestStores } from '@mikasmissions/testing';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AppModule } from '../app.module';
import { ffprobePath } from '../ingest/media-probe';

/** `execFile` as a promise. */
export const run = promisify(execFile);
/** One event a stage published. */
export type Published = { type: string; payload: Record<string, unknown> };
/** What ffprobe's JSON says of a file (the fields the tests read). */
export type Probe = {
  format: { format_name: string; duration: string };
  streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number }>;
};

/** ffprobe's JSON view of `file`. */
export async function probe(file: string): Promise<Probe> {
  const { stdout } = await run(await ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
  return JSON.parse(stdout) as Probe;
}

/** Boots the worker with `env`, connects its consumers and records every stage event it publishes. */
export async function startWorker(stores: TestStores, env: Record<string, string>) {
  const app: INestApplication = await bootApp(AppModule, {
    adapter: ADAPTERS[0],
    env: testEnv(stores, { MESSAGING_MAX_DELIVERIES: '2', MESSAGING_RETRY_BASE_MS: '50', MESSAGING_RETRY_MAX_MS: '100', ...env }),
    globalPrefix: 'media-pipeline',
  });
  await connectEventConsumers(app);
  const published: Published[] = [];
  const publisher = app.get(EventPublisher);
  const publish = publisher.publish.bind(publisher);
  publisher.publish = (async (event: EventDefinition, payload: object, options) => {
    published.push({ type: event.type, payload: { ...(payload as Record<string, unknown>) } });
    return publish(event, payload as never, options);
  }) as EventPublisher['publish'];
  const upload = (assetId: string, sourceUrl: string, extra: Partial<MediaUploadedPayload> = {}) =>
    publish(MediaUploaded, { episodeId: assetId, assetId, creatorId: 'creator-1', sourceUrl, ...extra }, { aggregateId: assetId });
  const request = (payload: MediaTranscodeRequestedPayload) => publish(MediaTranscodeRequested, payload, { aggregateId: payload.assetId });
  /** Publishes `media.approved` as moderation would, so the publish stage takes the asset. */
  const approve = (payload: MediaApprovedPayload) => publish(MediaApproved, payload, { aggregateId: payload.assetId });
  const waitFor = async (type: string, episodeId: string, timeoutMs = 30_000): Promise<Published | undefined> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = published.find((p) => p.type === type && p.payload.episodeId === episodeId);
      if (found || Date.now() > until) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { app, published, upload, request, approve, waitFor };
}

/** A `media.transcode.requested` payload for a 640x360 3-second source at `sourcePath`. */
export const requestFor = (assetId: string, sourcePath: string): MediaTranscodeRequestedPayload => ({
  assetId,
  episodeId: assetId,
  creatorId: 'creator-1',
  sourcePath,
  sizeBytes: 100,
  durationMs: 3000,
  width: 640,
  height: 360,
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
});

/** A worker started by {@link startWorker}. */
export type PipelineWorker = Awaited<ReturnType<typeof startWorker>>;
