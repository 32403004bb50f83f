/** One recorded analytics event, as stored and returned. */
export interface AnalyticsEvent {
  id: string;
  tenantId: string;
  type: string;
  payload: Record<string, unknown> | null;
  occurredAt: string;
  createdAt: string;
}

/** What a caller asks to record. */
export interface NewAnalyticsEvent {
  tenantId: string;
  type: string;
  payload?: Record<string, unknown>;
  occurredAt?: Date;
}

/** Filter of a listing. */
export interface EventQuery {
  tenantId: string;
  type?: string;
  limit: number;
}
