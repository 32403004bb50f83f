import { EventContracts, EventValidationError, PLATFORM_EVENT_CONTRACTS } from './event-contracts';
import type { EventDefinition } from './event-definition';
import * as index from './index';

/**
 * Per event type: its definition, a payload its schema accepts, and invalid ones with what the
 * error must name. `valid` is typed as the definition's payload with every field present, so
 * the TypeScript type and the schema cannot drift apart: a field only the type has fails the
 * schema (no additional properties), a field only the schema has fails the type check.
 */
interface ContractCase {
  event: EventDefinition;
  valid: object;
  invalid: Array<{ payload: unknown; mentions: string[] }>;
}

const contract = <P extends object>(
  event: EventDefinition<P>,
  rest: { valid: Required<P>; invalid: ContractCase['invalid'] },
): ContractCase => ({ event, ...rest });

const cases: Record<string, ContractCase> = {
  'analytics.event.recorded': contract(index.AnalyticsEventRecorded, {
    valid: { eventId: 'e1', eventType: 'play', occurredAt: '2026-11-23T10:00:00.000Z' },
    invalid: [
      { payload: { eventId: 'e1', eventType: 'play' }, mentions: ["must have required property 'occurredAt'"] },
      { payload: { eventId: 'e1', eventType: 'play', occurredAt: 'yesterday' }, mentions: ['/occurredAt must match format "date-time"'] },
    ],
  }),
  'video.run.requested': contract(index.VideoRunRequested, {
    valid: {
      runId: 'r1',
      workflowId: 'w1',
      workflowVersion: 2,
      modelProfileId: 'nim-default',
      priority: 'high',
      autoPublish: true,
      attempt: 1,
      inputPayload: { prompt: 'a friendly robot' },
    },
    invalid: [
      { payload: { runId: 'r1', workflowId: 'w1' }, mentions: ["must have required property 'workflowVersion'"] },
      {
        payload: {
          runId: 'r1',
          workflowId: 'w1',
          workflowVersion: 1,
          modelProfileId: 'm',
          priority: 'urgent',
          autoPublish: true,
          attempt: 0,
          inputPayload: {},
        },
        mentions: ['/priority must be equal to one of the allowed values', '/attempt must be >= 1'],
      },
    ],
  }),
  'video.run.step.completed': contract(index.VideoRunStepCompleted, {
    valid: {
      runId: 'r1',
      attempt: 1,
      step: 'provider',
      status: 'generated',
      autoPublish: true,
      stageMs: 420,
      asset: { assetId: 'nim-1', sourceUrl: 'http://127.0.0.1:8099/assets/nim-1.mp4', durationMs: 30000, safetyPreset: 'kids-strict' },
    },
    invalid: [
      {
        payload: { runId: 'r1', attempt: 1, step: 'provider', status: 'generated', autoPublish: true },
        mentions: ["must have required property 'stageMs'"],
      },
      {
        payload: { runId: 'r1', attempt: 1, step: 'publish', status: 'published', autoPublish: true, stageMs: 1 },
        mentions: ['/step must be equal to one of the allowed values', '/status must be equal to one of the allowed values'],
      },
    ],
  }),
  'video.run.failed': contract(index.VideoRunFailed, {
    valid: { runId: 'r1', attempt: 2, step: 'qc', code: 'generation_qc_failed', message: 'duration_ms 5000 is outside 30000..1800000' },
    invalid: [
      { payload: { runId: 'r1', attempt: 1, step: 'qc', code: 'Bad Code', message: 'm' }, mentions: ['/code must match pattern'] },
      { payload: { runId: 'r1', attempt: 1, step: 'qc', code: 'x' }, mentions: ["must have required property 'message'"] },
    ],
  }),
  'media.uploaded': contract(index.MediaUploaded, {
    valid: {
      episodeId: 'ep1',
      creatorId: 'c1',
      sourceUrl: 's3://media/ep1.mp4',
      contentType: 'video/mp4',
      assetId: 'a1',
      title: 'Counting stars',
      summary: 'Numbers to ten',
      showId: 'show1',
      ageBand: '6-11',
      learningTags: ['math'],
      runId: 'run1',
      reviewRequired: true,
      language: 'de',
    },
    invalid: [
      { payload: { episodeId: 'ep1', creatorId: 'c1' }, mentions: ["must have required property 'sourceUrl'"] },
      {
        payload: { episodeId: '', creatorId: 'c1', sourceUrl: 's3://x', size: 3 },
        mentions: ['/episodeId must NOT have fewer than 1 characters', '(size)'],
      },
      {
        payload: { episodeId: 'ep1', creatorId: 'c1', sourceUrl: 's3://x', ageBand: '0-2' },
        mentions: ['/ageBand must be equal to one of the allowed values'],
      },
      {
        payload: { episodeId: 'ep1', creatorId: 'c1', sourceUrl: 's3://x', language: 'German', reviewRequired: 'yes' },
        mentions: ['/language must match pattern', '/reviewRequired must be boolean'],
      },
    ],
  }),
  'media.transcode.requested': contract(index.MediaTranscodeRequested, {
    valid: {
      assetId: 'a1',
      episodeId: 'a1',
      creatorId: 'c1',
      sourcePath: 'sources/a1/source',
      sizeBytes: 2048,
      durationMs: 3000,
      width: 320,
      height: 240,
      container: 'mov,mp4,m4a,3gp,3g2,mj2',
      videoCodec: 'h264',
      title: 'Stars',
      summary: 'Counting',
      showId: 'show1',
      ageBand: '3-5',
      learningTags: ['math'],
      runId: 'run1',
      reviewRequired: false,
      language: 'en',
    },
    invalid: [
      {
        payload: { assetId: 'a1', episodeId: 'a1', creatorId: 'c1', sourcePath: 'x' },
        mentions: ["must have required property 'sizeBytes'"],
      },
      {
        payload: {
          assetId: 'a1',
          episodeId: 'a1',
          creatorId: 'c1',
          sourcePath: 'x',
          sizeBytes: 1,
          durationMs: 0,
          width: 1,
          height: 1,
          container: 'mp4',
        },
        mentions: ['/durationMs must be >= 1'],
      },
    ],
  }),
  'media.transcoded': contract(index.MediaTranscoded, {
    valid: {
      assetId: 'a1',
      episodeId: 'a1',
      creatorId: 'c1',
      durationMs: 3000,
      renditions: [{ profile: '360p', storageKey: 'episodes/a1/360p/index.m3u8', width: 640, height: 360 }],
      thumbnailKey: 'episodes/a1/thumb.jpg',
      masterKey: 'episodes/a1/master.m3u8',
      title: 'Stars',
      summary: 'Counting',
      showId: 'show1',
      ageBand: '3-5',
      learningTags: ['math'],
      runId: 'run1',
      reviewRequired: false,
      language: 'es',
    },
    invalid: [
      {
        payload: { assetId: 'a1', episodeId: 'a1', creatorId: 'c1', durationMs: 3000, renditions: [] },
        mentions: ['/renditions must NOT have fewer than 1 items'],
      },
      {
        payload: { assetId: 'a1', episodeId: 'a1', creatorId: 'c1', durationMs: 3000, renditions: [{ profile: 'hd', storageKey: 'k' }] },
        mentions: ['/renditions/0/profile must match pattern'],
      },
      {
        payload: {
          assetId: 'a1',
          episodeId: 'a1',
          creatorId: 'c1',
          durationMs: 3000,
          renditions: [{ profile: '360p', storageKey: 'k.m3u8' }],
          masterKey: 'episodes/a1/thumb.jpg',
        },
        mentions: ['/masterKey must match pattern'],
      },
    ],
  }),
  'media.rejected': contract(index.MediaRejected, {
    valid: {
      assetId: 'a1',
      episodeId: 'a1',
      stage: 'ingest',
      reason: 'no_video_stream',
      message: 'the source has no video stream',
      runId: 'run1',
    },
    invalid: [
      { payload: { assetId: 'a1', episodeId: 'a1', stage: 'ingest', reason: 'x' }, mentions: ["must have required property 'message'"] },
      {
        payload: { assetId: 'a1', episodeId: 'a1', stage: 'upload', reason: 'x', message: 'm' },
        mentions: ['/stage must be equal to one of the allowed values'],
      },
    ],
  }),
  'media.reviewed': contract(index.MediaReviewed, {
    valid: {
      assetId: 'a1',
      episodeId: 'a1',
      creatorId: 'c1',
      decision: 'queued',
      rules: [{ rule: 'blocked_term', severity: 'soft', detail: 'scary' }],
      reason: 'blocked_term',
      reviewer: 'policy',
      runId: 'run1',
    },
    invalid: [
      {
        payload: { assetId: 'a1', episodeId: 'a1', creatorId: 'c1', decision: 'maybe', rules: [], reviewer: 'policy' },
        mentions: ['/decision must be equal to one of the allowed values'],
      },
      {
        payload: {
          assetId: 'a1',
          episodeId: 'a1',
          creatorId: 'c1',
          decision: 'rejected',
          rules: [{ rule: 'Blocked Term', severity: 'fatal' }],
        },
        mentions: [
          "must have required property 'reviewer'",
          '/rules/0/rule must match pattern',
          '/rules/0/severity must be equal to one of the allowed values',
        ],
      },
    ],
  }),
  'media.approved': contract(index.MediaApproved, {
    valid: {
      assetId: 'a1',
      episodeId: 'a1',
      creatorId: 'c1',
      durationMs: 3000,
      renditions: [{ profile: '360p', storageKey: 'episodes/a1/360p/index.m3u8', width: 640, height: 360 }],
      thumbnailKey: 'episodes/a1/thumb.jpg',
      masterKey: 'episodes/a1/master.m3u8',
      title: 'Stars',
      summary: 'Counting',
      showId: 'show1',
      ageBand: '3-5',
      learningTags: ['math'],
      runId: 'run1',
      language: 'en',
    },
    invalid: [
      {
        payload: { assetId: 'a1', episodeId: 'a1', creatorId: 'c1', durationMs: 3000, renditions: [{ profile: '360p', storageKey: 'k' }] },
        mentions: ["must have required property 'ageBand'"],
      },
      {
        payload: { assetId: 'a1', episodeId: 'a1', creatorId: 'c1', durationMs: 0, renditions: [], ageBand: '6-11' },
        mentions: ['/durationMs must be >= 1', '/renditions must NOT have fewer than 1 items'],
      },
    ],
  }),
  'episode.published': contract(index.EpisodePublished, {
    valid: {
      episodeId: 'ep1',
      missionId: 'm1',
      ageRating: '6+',
      title: 'The moon mission',
      showId: 'show-moon',
      ageBand: '6-11',
      summary: 'Mika flies to the moon.',
      durationMs: 420000,
      learningTags: ['space'],
      thumbnailUrl: 'episodes/ep1/thumb.jpg',
      masterKey: 'episodes/ep1/master.m3u8',
      renditions: [{ profile: '360p', storageKey: 'episodes/ep1/index.m3u8' }],
      publishedAt: '2026-11-23T10:00:00.000Z',
      runId: 'run1',
    },
    invalid: [
      {
        payload: { episodeId: 'ep1', missionId: 'm1', ageRating: '6+', ageBand: '18+', renditions: [{ profile: '360p' }] },
        mentions: ['/ageBand must be equal to one of the allowed values', "/renditions/0 must have required property 'storageKey'"],
      },
      {
        payload: { episodeId: 'ep1', missionId: 'm1', ageRating: '18+' },
        mentions: ['/ageRating must be equal to one of the allowed values'],
      },
      { payload: { episodeId: 'ep1', ageRating: '3+' }, mentions: ["must have required property 'missionId'"] },
    ],
  }),
  'progress.updated': contract(index.ProgressUpdated, {
    valid: {
      childId: 'k1',
      episodeId: 'ep1',
      positionSeconds: 95,
      completed: false,
      parentUserId: 'p1',
      watchedMs: 30_000,
      eventTime: '2026-12-01T10:00:00Z',
      learningTags: ['counting'],
      historyPaused: false,
    },
    invalid: [
      { payload: { childId: 'k1', episodeId: 'ep1', positionSeconds: -1 }, mentions: ['/positionSeconds must be >= 0'] },
      { payload: { childId: 'k1', episodeId: 'ep1', positionSeconds: 1.5 }, mentions: ['/positionSeconds must be integer'] },
      {
        payload: { childId: 'k1', positionSeconds: 3, completed: 'yes' },
        mentions: ["must have required property 'episodeId'", '/completed must be boolean'],
      },
      {
        payload: { childId: 'k1', episodeId: 'ep1', positionSeconds: 3, watchedMs: -5, learningTags: [''] },
        mentions: ['/watchedMs must be >= 0', '/learningTags/0 must NOT have fewer than 1 characters'],
      },
      {
        payload: { childId: 'k1', episodeId: 'ep1', positionSeconds: 3, eventTime: 'yesterday' },
        mentions: ['/eventTime must match format "date-time"'],
      },
    ],
  }),
  'consent.verified': contract(index.ConsentVerified, {
    valid: { parentUserId: 'p1', consentId: 'c1', method: 'email_plus', verifiedAt: '2026-12-01T10:00:00.000Z' },
    invalid: [
      {
        payload: { parentUserId: 'p1', consentId: 'c1', method: 'sms', verifiedAt: '2026-12-01T10:00:00Z' },
        mentions: ['/method must be equal to one of the allowed values'],
      },
      {
        payload: { parentUserId: 'p1', method: 'card', verifiedAt: 'now' },
        mentions: ["must have required property 'consentId'", '/verifiedAt must match format "date-time"'],
      },
    ],
  }),
  'parent.controls.updated': contract(index.ParentControlsUpdated, {
    valid: {
      parentUserId: 'p1',
      childProfileId: 'k1',
      controls: {
        autoplay: false,
        chat_enabled: false,
        external_links: false,
        session_limit_minutes: 30,
        bedtime_window: '20:00-07:00',
        safety_mode: 'strict',
        timezone: 'Europe/Berlin',
        max_age_band: '6-11',
        approved_only: true,
        approved_show_ids: ['show-1'],
        blocked_show_ids: [],
        search_enabled: true,
        history_paused: false,
      },
      changed: ['approved_only', 'approved_show_ids'],
    },
    invalid: [
      { payload: { parentUserId: 'p1', childProfileId: 'k1', changed: [] }, mentions: ["must have required property 'controls'"] },
      {
        payload: {
          parentUserId: 'p1',
          childProfileId: 'k1',
          changed: [],
          controls: {
            autoplay: false,
            chat_enabled: false,
            external_links: false,
            session_limit_minutes: 500,
            bedtime_window: '8pm',
            safety_mode: 'strict',
            timezone: 'UTC',
            approved_only: false,
            approved_show_ids: [],
            blocked_show_ids: [],
            search_enabled: true,
            history_paused: false,
          },
        },
        mentions: ['/controls/session_limit_minutes must be <= 180', '/controls/bedtime_window must match pattern'],
      },
    ],
  }),
  'subscription.changed': contract(index.SubscriptionChanged, {
    valid: {
      parentId: 'p1',
      plan: 'family',
      status: 'past_due',
      subscriptionId: 's1',
      activeUntil: '2026-12-15T10:00:00.000Z',
      cancelAtPeriodEnd: true,
    },
    invalid: [
      {
        payload: { parentId: 'p1', plan: 'family', status: 'canceled', activeUntil: 'soon', cancelAtPeriodEnd: 'yes' },
        mentions: ['/activeUntil must match format "date-time"', '/cancelAtPeriodEnd must be boolean'],
      },
      { payload: { parentId: 'p1', plan: 'family', status: 'paused' }, mentions: ['/status must be equal to one of the allowed values'] },
      { payload: { parentId: 'p1', status: 'active', childId: 'k1' }, mentions: ["must have required property 'plan'", '(childId)'] },
    ],
  }),
  'playback.session.started': contract(index.PlaybackSessionStarted, {
    valid: {
      sessionId: 's1',
      childProfileId: 'k1',
      parentUserId: 'p1',
      episodeId: 'ep1',
      deviceType: 'tv',
      startedAt: '2026-12-01T10:00:00.000Z',
      maxMinutes: 30,
    },
    invalid: [
      {
        payload: { sessionId: 's1', childProfileId: 'k1', parentUserId: 'p1', episodeId: 'ep1', startedAt: '2026-12-01T10:00:00.000Z' },
        mentions: ["must have required property 'deviceType'"],
      },
      {
        payload: {
          sessionId: 's1',
          childProfileId: 'k1',
          parentUserId: 'p1',
          episodeId: 'ep1',
          deviceType: 'tv',
          startedAt: 'now',
          displayName: 'Mika',
        },
        mentions: ['/startedAt must match format "date-time"', '(displayName)'],
      },
    ],
  }),
  'child.session.capped': contract(index.ChildSessionCapped, {
    valid: {
      sessionId: 's1',
      childProfileId: 'k1',
      parentUserId: 'p1',
      episodeId: 'ep1',
      reason: 'bedtime_active',
      minutesWatched: 12,
      cappedAt: '2026-12-01T20:00:00.000Z',
    },
    invalid: [
      {
        payload: {
          sessionId: 's1',
          childProfileId: 'k1',
          parentUserId: 'p1',
          episodeId: 'ep1',
          reason: 'tired',
          minutesWatched: 1,
          cappedAt: '2026-12-01T20:00:00.000Z',
        },
        mentions: ['/reason must be equal to one of the allowed values'],
      },
      {
        payload: {
          sessionId: 's1',
          childProfileId: 'k1',
          parentUserId: 'p1',
          episodeId: 'ep1',
          reason: 'bedtime_active',
          minutesWatched: -1,
        },
        mentions: ['/minutesWatched must be >= 0', "must have required property 'cappedAt'"],
      },
    ],
  }),
  'child.profile.created': contract(index.ChildProfileCreated, {
    valid: { parentUserId: 'p1', childProfileId: 'c1', ageBand: '6-11' },
    invalid: [
      {
        payload: { parentUserId: 'p1', childProfileId: 'c1', ageBand: '18+' },
        mentions: ['/ageBand must be equal to one of the allowed values'],
      },
      {
        payload: { parentUserId: 'p1', ageBand: '3-5', displayName: 'Mia' },
        mentions: ["must have required property 'childProfileId'", '(displayName)'],
      },
    ],
  }),
  'child.profile.deleted': contract(index.ChildProfileDeleted, {
    valid: { parentUserId: 'p1', childProfileId: 'c1' },
    invalid: [
      { payload: { parentUserId: 'p1' }, mentions: ["must have required property 'childProfileId'"] },
      { payload: { parentUserId: '', childProfileId: 'c1' }, mentions: ['/parentUserId must NOT have fewer than 1 characters'] },
    ],
  }),
};

describe('platform event contracts', () => {
  const contracts = new EventContracts();

  it('has a case for every platform event type', () => {
    expect(Object.keys(cases).sort()).toEqual(PLATFORM_EVENT_CONTRACTS.map((c) => c.type).sort());
  });

  it('registers every definition the lib exports, once', () => {
    const exported = Object.values(index as Record<string, unknown>).filter(
      (v): v is EventDefinition => typeof v === 'object' && v !== null && 'schema' in v && 'type' in v,
    );
    expect(exported.map((d) => d.type).sort()).toEqual(PLATFORM_EVENT_CONTRACTS.map((c) => c.type).sort());
    expect(new Set(PLATFORM_EVENT_CONTRACTS.map((c) => c.type)).size).toBe(PLATFORM_EVENT_CONTRACTS.length);
  });

  describe.each(Object.entries(cases))('%s', (type, { event, valid, invalid }) => {
    it('is the definition of that type, its valid sample naming every schema property', () => {
      expect(event.type).toBe(type);
      expect(PLATFORM_EVENT_CONTRACTS).toContain(event);
      expect(Object.keys(valid).sort()).toEqual(Object.keys((event.schema as { properties: object }).properties).sort());
    });

    it('accepts a valid payload, alone and in an envelope', () => {
      expect(() => contracts.assertPayload(type, valid)).not.toThrow();
      const envelope = {
        id: '01a2083c-c6a2-715f-bf44-58163ca4e8da',
        type,
        version: contracts.versionOf(type),
        occurredAt: '2026-11-23T10:00:00.000Z',
        tenantId: 'default',
        requestId: 'r1',
        payload: valid,
      };
      expect(() => contracts.assertEnvelope(envelope)).not.toThrow();
    });

    it.each(invalid.map((c) => [JSON.stringify(c.payload), c] as const))('rejects %s naming the problem', (_, { payload, mentions }) => {
      let caught: unknown;
      try {
        contracts.assertPayload(type, payload);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(EventValidationError);
      const message = (caught as EventValidationError).message;
      expect(message).toContain(`invalid ${type} event:`);
      for (const mention of mentions) expect(message).toContain(mention);
    });
  });
});
