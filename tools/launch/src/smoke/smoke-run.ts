import { createContractValidator } from '@mikasmissions/testing';
import { adminFlow } from './flows/admin-flow';
import { authFlow } from './flows/auth-flow';
import { familyFlow } from './flows/family-flow';
import { phaseBFlow } from './flows/phase-b-flow';
import { type SmokeContext, smokeContext, SmokeStepError } from './smoke-client';
import type { SmokeStack, StackOptions } from './smoke-stack';

/** One smoke flow: the apps a local stack needs for it (and what they need set), what it runs, and its final line. */
export interface SmokeFlow {
  apps: readonly string[];
  stack?: StackOptions;
  run(ctx: SmokeContext): Promise<void>;
  passed: string;
}

/**
 * Seed 000's phase-B stack: creator-studio, the media-pipeline stages, moderation, catalog and
 * notification, plus what the smoke's real routes need (identity and the gateway for tokens;
 * profile, billing, progress, playback and recommendation for a child who watches the episode).
 */
export const PHASE_B_APPS = [
  'identity',
  'profile',
  'billing',
  'progress',
  'catalog',
  'recommendation',
  'playback',
  'creator-studio',
  'media-pipeline',
  'moderation',
  'notification',
  'gateway',
] as const;

/** What the phase-B apps need set: every stage in one worker, loopback sources (the smoke serves its clip there). */
export const PHASE_B_ENV: Record<string, string> = {
  MEDIA_PIPELINE_STAGES: 'ingest,transcode,publish',
  INGEST_ALLOW_PRIVATE_SOURCES: 'true',
  // the creator signs in a second time right after the admin granted the role
  OTP_COOLDOWN_SEC: '0',
};

/** The smoke flows: `family` (`pnpm run e2e-smoke`), `auth` (`e2e-auth-smoke`), `admin` (`e2e-admin-smoke`), `phase-b` (`smoke:phase-b`). */
export const FLOWS = {
  family: {
    apps: ['identity', 'profile', 'catalog', 'billing', 'progress', 'playback', 'recommendation', 'gateway'],
    run: familyFlow,
    passed: '[OK] smoke flow passed',
  },
  auth: { apps: ['identity', 'profile', 'gateway'], run: authFlow, passed: '[OK] auth smoke passed' },
  admin: { apps: ['identity', 'admin-studio', 'gateway'], run: adminFlow, passed: '[OK] admin smoke passed' },
  'phase-b': { apps: PHASE_B_APPS, stack: { env: PHASE_B_ENV }, run: phaseBFlow, passed: '[OK] phase-b smoke passed' },
} satisfies Record<string, SmokeFlow>;

/** A flow's name. */
export type FlowName = keyof typeof FLOWS;

/** How a flow went: passed, or the step that failed and why; with its step count and duration. */
export interface SmokeResult {
  flow: FlowName;
  ok: boolean;
  steps: number;
  ms: number;
  failedStep?: string;
  message?: string;
}

/** Whether `name` is a flow. */
export function isFlow(name: string): name is FlowName {
  return Object.hasOwn(FLOWS, name);
}

/**
 * Runs `flow` against `stack`'s gateway: one line per step on `out`, then the flow's `[OK] …`
 * line or `[FAIL] <step>: <why>`. Never throws for a failed step; resolves to the result.
 */
export async function runSmokeFlow(
  flow: FlowName,
  stack: SmokeStack,
  out: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SmokeResult> {
  let steps = 0;
  const t0 = Date.now();
  const ctx = smokeContext(
    stack.gatewayUrl,
    createContractValidator(),
    stack,
    (line) => {
      steps += 1;
      out(line);
    },
    env,
  );
  try {
    await FLOWS[flow].run(ctx);
    out(FLOWS[flow].passed);
    return { flow, ok: true, steps, ms: Date.now() - t0 };
  } catch (error) {
    const failedStep = error instanceof SmokeStepError ? error.step : '(setup)';
    const message =
      error instanceof SmokeStepError ? error.message.slice(failedStep.length + 2) : error instanceof Error ? error.message : String(error);
    out(`[FAIL] ${failedStep}: ${message}`);
    return { flow, ok: false, steps, ms: Date.now() - t0, failedStep, message };
  }
}
