export { defineEvent, EventDefinitionError } from './event-definition';
export type { EventContract, EventDefinition, EventPayload, JsonSchema } from './event-definition';
export { EventContracts, EventValidationError, PLATFORM_EVENT_CONTRACTS, UnknownEventTypeError } from './event-contracts';
export { AnalyticsEventRecorded } from './events/analytics.events';
export type { AnalyticsEventRecordedPayload } from './events/analytics.events';
export { SubscriptionChanged } from './events/billing.events';
export type { SubscriptionChangedPayload } from './events/billing.events';
export { ParentControlsUpdated } from './events/controls.events';
export type { ParentalControlsSnapshot, ParentControlsUpdatedPayload } from './events/controls.events';
export { ChildProfileCreated, ChildProfileDeleted } from './events/children.events';
export type { ChildAgeBand, ChildProfileCreatedPayload, ChildProfileDeletedPayload } from './events/children.events';
export { EpisodePublished } from './events/catalog.events';
export type { AgeRating, EpisodePublishedPayload } from './events/catalog.events';
export { ConsentVerified } from './events/family.events';
export type { ConsentVerifiedPayload } from './events/family.events';
export { MediaRejected, MediaTranscoded, MediaTranscodeRequested, MediaUploaded } from './events/media.events';
export type {
  MediaRejectedPayload,
  MediaRendition,
  MediaStage,
  MediaTranscodedPayload,
  MediaTranscodeRequestedPayload,
  MediaUploadedPayload,
} from './events/media.events';
export { MediaApproved, MediaReviewed } from './events/moderation.events';
export type { FiredRule, MediaApprovedPayload, MediaReviewedPayload, ReviewDecision } from './events/moderation.events';
export { ProgressUpdated } from './events/progress.events';
export type { ProgressUpdatedPayload } from './events/progress.events';
export { ChildSessionCapped, PlaybackSessionStarted } from './events/playback.events';
export type { ChildSessionCappedPayload, PlaybackSessionStartedPayload, SessionCapReason } from './events/playback.events';
export { VideoRunFailed, VideoRunRequested, VideoRunStepCompleted } from './events/admin.events';
export type {
  GeneratedAsset,
  GenerationStep,
  VideoRunFailedPayload,
  VideoRunRequestedPayload,
  VideoRunStepCompletedPayload,
} from './events/admin.events';
