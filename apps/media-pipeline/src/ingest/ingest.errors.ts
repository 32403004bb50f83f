/** A source the ingest stage refuses for good (published as `media.rejected` with `reason`). */
export class IngestRejection extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'IngestRejection';
  }
}

/** A failure a later try may not have (timeout, 5xx, reset): thrown so the consumer retries and, after N, dead-letters. */
export class IngestTransientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestTransientError';
  }
}
