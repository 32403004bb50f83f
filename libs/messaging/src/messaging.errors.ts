import { PlatformError } from '@mikasmissions/http';

/**
 * An event failed its JSON schema on publish: a programming error. It fails the handler's
 * transaction (nothing is written) and answers 500 `INVALID_EVENT` naming every problem.
 */
export class InvalidEventError extends PlatformError {
  constructor(message: string, problems: string[] = []) {
    super(500, 'invalid_event', message, problems.length > 0 ? { problems } : undefined);
  }
}

/** Bad messaging configuration or decorator options, raised at start-up. */
export class MessagingConfigError extends Error {
  constructor(message: string) {
    super(`messaging: ${message}`);
    this.name = 'MessagingConfigError';
  }
}
