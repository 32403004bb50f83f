import { PlatformError } from '@mikasmissions/http';

/** 503 `profile_unavailable`: the profile service (children and their names) could not answer. */
export class ProfileUnavailableError extends PlatformError {
  constructor(reason: string) {
    super(503, 'profile_unavailable', `the children directory is unavailable (${reason}); retry shortly`, { service: 'profile' }, { 'retry-after': '1' });
  }
}
