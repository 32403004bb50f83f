import { PlatformError } from '@mikasmissions/http';

/** No episode with this id in the caller's tenant: 404 `episode_not_found`. */
export class EpisodeNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'episode_not_found', `no episode with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}
