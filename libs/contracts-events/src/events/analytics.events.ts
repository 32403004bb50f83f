import { defineEvent } from '../event-definition';
import analyticsEventRecordedV1 from '../schemas/analytics.event.recorded.v1.json';

/** Payload of {@link AnalyticsEventRecorded}. */
export interface AnalyticsEventRecordedPayload {
  eventId: string;
  eventType: string;
  /** ISO 8601 date-time. */
  occurredAt: string;
}

/** `analytics.event.recorded` v1: an analytics event was stored (published by analytics `POST /events`). */
export const AnalyticsEventRecorded = defineEvent<AnalyticsEventRecordedPayload>({
  type: 'analytics.event.recorded',
  version: 1,
  schema: analyticsEventRecordedV1,
});
