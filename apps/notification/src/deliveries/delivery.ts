import type { NotificationKind } from '../preferences/notification-preferences';
import type { Channel } from '../senders/notification-sender';

/** `pending` → `sending` (claimed, leased) → `sent`, or back to `pending` with a later attempt, or `failed` (the dead letters). */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One message to one parent, recorded before it is sent. It holds no address: that is read from identity at send time. */
export interface Delivery {
  id: string;
  tenantId: string;
  /** Unique per tenant: `welcome:<parent>`, `receipt:<event id>`, `digest:<parent>:<local day>`. */
  dedupeKey: string;
  parentUserId: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  status: DeliveryStatus;
  /** Where it went (set when sent). */
  channel: Channel | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
}

/** What a producer records. */
export type NewDelivery = Pick<Delivery, 'tenantId' | 'dedupeKey' | 'parentUserId' | 'kind' | 'subject' | 'body'>;
