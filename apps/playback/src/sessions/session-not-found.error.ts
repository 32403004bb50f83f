import { PlatformError } from '@mikasmissions/http';

/** No session with this id in the caller's tenant: 404 `session_not_found`. */
export class SessionNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'session_not_found', `no session with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}
