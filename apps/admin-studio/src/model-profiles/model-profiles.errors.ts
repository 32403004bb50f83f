import { PlatformError } from '@mikasmissions/http';

/** No model profile with this id: 404 `model_profile_not_found`. */
export class ModelProfileNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'model_profile_not_found', `no model profile with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}
