/** An asset the transcode stage refuses for good (published as `media.rejected` with `reason`). */
export class TranscodeRejection extends Error {
  constructor(
    readonly reason: 'invalid_asset_id' | 'source_missing' | 'transcode_failed' | 'transcode_timeout',
    message: string,
  ) {
    super(message);
    this.name = 'TranscodeRejection';
  }
}
