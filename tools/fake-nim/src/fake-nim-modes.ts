/** How the fake NIM answers a generate call. */
export const FAKE_NIM_MODES = ['ok', 'reject', 'fail', 'hang', 'slow', 'bad_duration', 'short_clip', 'unsafe'] as const;

/** One of {@link FAKE_NIM_MODES}. */
export type FakeNimMode = (typeof FAKE_NIM_MODES)[number];

/** Whether `value` names a mode. */
export const isFakeNimMode = (value: unknown): value is FakeNimMode =>
  typeof value === 'string' && (FAKE_NIM_MODES as readonly string[]).includes(value);

/**
 * What each mode does (the README's table):
 * - `ok` renders a real clip and answers 200;
 * - `reject` answers 422 `prompt_rejected` (a 4xx: the provider stage fails the run at once);
 * - `fail` answers 503 `model_unavailable` (a 5xx: retried);
 * - `hang` never answers (the caller's timeout fires);
 * - `slow` waits `fake_nim_delay_ms` (default 2000) and then answers like `ok`;
 * - `bad_duration` answers `duration_ms: 5000` (outside qc's 30,000..1,800,000);
 * - `short_clip` renders a 3 s clip but claims 30,000 ms (only ffprobe finds out);
 * - `unsafe` answers with `safety_preset: "none"` instead of the requested one.
 */
export const FAKE_NIM_MODE_HELP: Record<FakeNimMode, string> = {
  ok: 'render a real clip, 200',
  reject: '422 prompt_rejected',
  fail: '503 model_unavailable',
  hang: 'never answer',
  slow: 'wait fake_nim_delay_ms (2000), then ok',
  bad_duration: '200 with duration_ms 5000',
  short_clip: 'a 3 s clip claimed as 30000 ms',
  unsafe: '200 with safety_preset "none"',
};
