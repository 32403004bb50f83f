import { defineEvent } from '../event-definition';
import consentVerifiedV1 from '../schemas/consent.verified.v1.json';

/** Payload of {@link ConsentVerified}. */
export interface ConsentVerifiedPayload {
  parentUserId: string;
  consentId: string;
  method: 'email_plus' | 'card';
  /** RFC 3339, UTC. */
  verifiedAt: string;
}

/** `consent.verified` v1 (identity): a parent's verifiable consent was verified; the parent is now `active`. */
export const ConsentVerified = defineEvent<ConsentVerifiedPayload>({ type: 'consent.verified', version: 1, schema: consentVerifiedV1 });
