import { PlatformError } from '@mikasmissions/http';

const EPISODE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** 400 `validation_failed` for an `{id}` that is not the contract's `Id` (1–128 of A-Z a-z 0-9 _ . : -). */
export function assertEpisodeId(id: string): void {
  if (EPISODE_ID.test(id)) return;
  throw new PlatformError(400, 'validation_failed', 'Request validation failed', [
    { path: 'id', message: 'expected 1–128 of A-Z a-z 0-9 _ . : -, starting with a letter or digit', code: 'invalid_format' },
  ]);
}
