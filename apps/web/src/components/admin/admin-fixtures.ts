import type { ResponseBody, Schema } from '@mikasmissions/contracts-api';

/** One fixture answer: status and body (none for 204). */
export interface AdminFixtureAnswer {
  status: number;
  body?: unknown;
}

const WORKFLOW_ID = 'wf-fixture-1';
const RUN_ID = 'run-fixture-1';
const AT = '2026-01-05T10:00:00.000Z';

const workflow = {
  workflow_id: WORKFLOW_ID,
  name: 'Fixture: fox counts to ten',
  description: 'A friendly fox learns to count',
  content_suitability: 'early',
  age_band: '3-5',
  steps: ['script', 'render'],
  model_profile_id: 'nim-default',
  safety_profile: 'strict',
  version: 1,
} satisfies Schema<'Workflow'>;

const queued = {
  asset_id: 'asset-fixture-1',
  episode_id: 'ep-fixture-review',
  creator_id: 'admin-studio',
  status: 'queued',
  rules: [{ rule: 'creator_trust', severity: 'soft', detail: 'creator trust unknown' }],
  reason: 'creator_trust',
  language: 'en',
  creator_trust: 'unknown',
  title: 'Fixture: the fox and the moon',
  summary: 'A fox counts the stars',
  age_band: '3-5',
  learning_tags: ['counting'],
  duration_ms: 30_000,
  review_required: false,
  decided_by: null,
  decision_note: null,
  queued_at: AT,
  decided_at: null,
} satisfies Schema<'ModerationQueueItem'>;

/** Typed answers of the admin operations (fallback mode only), checked with `satisfies` against the contract types. */
export const adminFixtures = {
  login: {
    access_token: 'fixture-admin',
    token_type: 'Bearer',
    expires_in: 3600,
    admin_user_id: 'admin-fixture',
    role: 'admin',
  } satisfies ResponseBody<'adminLogin', 200>,
  workflows: { workflows: [workflow] } satisfies ResponseBody<'listWorkflows', 200>,
  workflow,
  runCreated: { run_id: RUN_ID, status: 'requested' } satisfies ResponseBody<'createRun', 201>,
  run: {
    run_id: RUN_ID,
    workflow_id: WORKFLOW_ID,
    status: 'requested',
    priority: 'normal',
    auto_publish: false,
    input_payload: {},
    last_error: null,
  } satisfies ResponseBody<'getRun', 200>,
  logs: {
    run_id: RUN_ID,
    logs: [{ run_id: RUN_ID, step: 'requested', status: 'requested', message: 'run requested', event_time: AT }],
  } satisfies ResponseBody<'getRunLogs', 200>,
  modelProfile: {
    model_profile_id: 'nim-default',
    provider: 'nvidia_nim',
    base_url: 'http://localhost:9999',
    model_id: 'fixture-model',
    timeout_ms: 30_000,
    max_retries: 2,
    safety_preset: 'strict',
  } satisfies ResponseBody<'getModelProfile', 200>,
  moderationQueue: { items: [queued] } satisfies ResponseBody<'listModerationQueue', 200>,
  moderationItem: queued,
};

const decide = (id: string | undefined, status: 'approved' | 'rejected', reason: unknown) =>
  ({
    ...queued,
    asset_id: id ?? queued.asset_id,
    status,
    reason: typeof reason === 'string' ? reason : queued.reason,
    decided_by: 'admin-fixture',
    decided_at: AT,
  }) satisfies Schema<'ModerationQueueItem'>;

type Body = Record<string, unknown>;
const ROUTES: Array<[string, RegExp, (id: string | undefined, body: Body) => AdminFixtureAnswer]> = [
  ['POST', /^\/v1\/admin\/login$/, () => ({ status: 200, body: adminFixtures.login })],
  ['GET', /^\/v1\/admin\/workflows$/, () => ({ status: 200, body: adminFixtures.workflows })],
  ['POST', /^\/v1\/admin\/workflows$/, (_id, body) => ({ status: 201, body: { ...body, workflow_id: 'wf-fixture-new', version: 1 } })],
  ['PUT', /^\/v1\/admin\/workflows\/([^/]+)$/, (id, body) => ({ status: 200, body: { ...body, workflow_id: id, version: 2 } })],
  ['DELETE', /^\/v1\/admin\/workflows\/([^/]+)$/, () => ({ status: 204 })],
  ['POST', /^\/v1\/admin\/workflows\/([^/]+)\/runs$/, () => ({ status: 201, body: adminFixtures.runCreated })],
  ['GET', /^\/v1\/admin\/runs\/([^/]+)$/, () => ({ status: 200, body: adminFixtures.run })],
  ['GET', /^\/v1\/admin\/runs\/([^/]+)\/logs$/, () => ({ status: 200, body: adminFixtures.logs })],
  [
    'POST',
    /^\/v1\/admin\/runs\/([^/]+)\/cancel$/,
    (id) => ({ status: 200, body: { run_id: id, status: 'cancelled', message: 'cancelled' } }),
  ],
  ['POST', /^\/v1\/admin\/runs\/([^/]+)\/retry$/, (id) => ({ status: 200, body: { run_id: id, status: 'requested' } })],
  ['GET', /^\/v1\/admin\/model-profiles\/([^/]+)$/, () => ({ status: 200, body: adminFixtures.modelProfile })],
  ['GET', /^\/v1\/admin\/moderation\/queue$/, () => ({ status: 200, body: adminFixtures.moderationQueue })],
  ['POST', /^\/v1\/admin\/moderation\/queue\/([^/]+)\/approve$/, (id) => ({ status: 200, body: decide(id, 'approved', undefined) })],
  ['POST', /^\/v1\/admin\/moderation\/queue\/([^/]+)\/reject$/, (id, body) => ({ status: 200, body: decide(id, 'rejected', body.reason) })],
  ['PUT', /^\/v1\/admin\/model-profiles\/([^/]+)$/, (id, body) => ({ status: 200, body: { ...body, model_profile_id: id } })],
];

/** The fixture answer of an admin operation in fallback mode, or `undefined` when it is not an admin route. */
export function adminFallback(method: string, path: string, body: Body): AdminFixtureAnswer | undefined {
  for (const [m, pattern, answer] of ROUTES) {
    const match = m === method ? pattern.exec(path) : null;
    if (match) return answer(match[1], body);
  }
  return undefined;
}
