import { PlatformError } from '@mikasmissions/http';

/** The child profile is unknown to the profile service (404). */
export class ChildProfileNotFoundError extends PlatformError {
  constructor() {
    super(404, 'child_profile_not_found', 'no such child profile');
  }
}
