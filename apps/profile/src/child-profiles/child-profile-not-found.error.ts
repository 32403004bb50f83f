import { PlatformError } from '@mikasmissions/http';

/** No child-profile with this id in the caller's tenant: 404 `child_profile_not_found`. */
export class ChildProfileNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'child_profile_not_found', `no child-profile with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}
