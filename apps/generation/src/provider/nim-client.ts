import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import type { GeneratedAsset } from '@mikasmissions/contracts-events';
import { type ResiliencePolicy, ResilienceService } from '@mikasmissions/resilience';
import { z } from 'zod';
import { generationConfig, type GenerationEnv } from '../generation.config';
import type { ModelProfile } from '../runs/run-view';
import { NimProviderError, NimProviderRejectedError, NimSafetyMismatchError } from './provider.errors';

/** One generate call: which run (and attempt, for the idempotency key) and its input. */
export interface NimRequest {
  runId: string;
  attempt: number;
  inputPayload: Record<string, unknown>;
}

const answerSchema = z.object({
  asset_id: z.string().min(1).max(128),
  source_url: z.string().min(1).max(2048),
  duration_ms: z.number().int(),
  safety_preset: z.string().min(1).max(64),
});

/**
 * The NVIDIA NIM video endpoint: `POST {base_url}/v1/generate/video {model_id, input_payload,
 * run_id, safety_preset}` → `{asset_id, source_url, duration_ms, safety_preset}`, through
 * {@link ResilienceService}: the profile's `timeout_ms` per attempt, up to `max_retries`
 * retries of 5xx/timeouts/dropped connections with jittered exponential backoff, and a breaker
 * per provider and policy (circuit `nim <base_url> …`). Every attempt of one run attempt sends
 * the same `Idempotency-Key: <run_id>:<attempt>`, so a retried call cannot make a second clip.
 * 4xx → {@link NimProviderRejectedError}; a `safety_preset` in the answer other than the one
 * sent → {@link NimSafetyMismatchError}.
 */
@Injectable()
export class NimClient {
  private readonly env: GenerationEnv;

  constructor(
    private readonly resilience: ResilienceService,
    config: AppConfig,
  ) {
    this.env = config.slice(generationConfig);
  }

  /** The circuit a profile's calls go through: one per provider and timeout/retry policy. */
  circuitName(profile: ModelProfile): string {
    return `nim ${profile.base_url} (${profile.timeout_ms} ms, ${profile.max_retries} retries)`;
  }

  /** Calls the provider for one run attempt and checks the answer. */
  async generate(profile: ModelProfile, request: NimRequest): Promise<GeneratedAsset> {
    const call = this.resilience.wrap(this.circuitName(profile), (signal) => this.once(signal, profile, request), this.policy(profile));
    const answer = await call();
    if (answer.safetyPreset !== profile.safety_preset) throw new NimSafetyMismatchError(profile.safety_preset, answer.safetyPreset);
    return answer;
  }

  private policy(profile: ModelProfile): ResiliencePolicy {
    return {
      timeoutMs: profile.timeout_ms,
      retries: { max: profile.max_retries, baseDelayMs: this.env.GENERATION_RETRY_BASE_MS, maxDelayMs: this.env.GENERATION_RETRY_MAX_MS },
      failureRateThreshold: 0.5,
      minimumCalls: this.env.GENERATION_BREAKER_MIN_CALLS,
      windowMs: this.env.GENERATION_BREAKER_WINDOW_MS,
      openDurationMs: this.env.GENERATION_BREAKER_OPEN_MS,
    };
  }

  private async once(signal: AbortSignal, profile: ModelProfile, request: NimRequest): Promise<GeneratedAsset> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': `${request.runId}:${request.attempt}`,
    };
    if (this.env.NIM_API_KEY) headers.authorization = `Bearer ${this.env.NIM_API_KEY}`;
    const body = JSON.stringify({
      model_id: profile.model_id,
      input_payload: request.inputPayload,
      run_id: request.runId,
      safety_preset: profile.safety_preset,
    });
    let res: Response;
    try {
      res = await fetch(`${profile.base_url.replace(/\/+$/, '')}/v1/generate/video`, { method: 'POST', headers, body, signal });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new NimProviderError(`the provider could not be reached: ${(error as Error).message}`);
    }
    const text = await res.text().catch(() => '');
    if (res.status >= 500) throw new NimProviderError(`the provider answered ${res.status}`);
    if (res.status >= 400) throw new NimProviderRejectedError(res.status, reasonOf(text));
    let parsed: z.infer<typeof answerSchema>;
    try {
      parsed = answerSchema.parse(JSON.parse(text));
    } catch {
      throw new NimProviderError(`the provider's ${res.status} answer is not {asset_id, source_url, duration_ms, safety_preset}`, false);
    }
    return { assetId: parsed.asset_id, sourceUrl: parsed.source_url, durationMs: parsed.duration_ms, safetyPreset: parsed.safety_preset };
  }
}

/** The provider's error code or message, if its body has one. */
function reasonOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return String(body.error?.code ?? body.error?.message ?? 'refused');
  } catch {
    return 'refused';
  }
}
