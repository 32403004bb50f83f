import { PlatformError } from '@mikasmissions/http';

/** No watch-event with this id in the caller's tenant: 404 `watch_event_not_found`. */
export class WatchEventNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'watch_event_not_found', `no watch-event with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}
