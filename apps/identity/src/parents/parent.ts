/** A parent's account state: `pending_consent` until verifiable consent, then `active`. */
export type ParentStatus = 'pending_consent' | 'active';

/** A parent account as stored (the password only as an argon2id hash). */
export interface ParentAccount {
  id: string;
  tenantId: string;
  /** As the parent typed it (trimmed). */
  email: string;
  /** The lower-cased email: unique per tenant, so emails are case-insensitive. */
  emailKey: string;
  passwordHash: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** BCP 47 tag. */
  language: string;
  marketing: boolean;
  status: ParentStatus;
  /** RFC 3339, or null before consent. */
  consentVerifiedAt: string | null;
  createdAt: string;
}

/** What signup stores. */
export type NewParent = Omit<ParentAccount, 'status' | 'consentVerifiedAt' | 'createdAt'>;

/** The consent methods of the contract. */
export type ConsentMethod = 'email_plus' | 'card';

/** A pending verifiable-consent request (the code only as an HMAC). */
export interface ConsentRequestRecord {
  id: string;
  tenantId: string;
  parentUserId: string;
  method: ConsentMethod;
  codeHash: string;
  attempts: number;
  maxAttempts: number;
  expiresAt: string;
  consumedAt: string | null;
  createdAt: string;
}

/** What a consent request stores. */
export type NewConsentRequest = Omit<ConsentRequestRecord, 'attempts' | 'consumedAt' | 'createdAt'>;

/** A verified consent. */
export interface ConsentRecord {
  id: string;
  tenantId: string;
  parentUserId: string;
  consentRequestId: string;
  method: ConsentMethod;
  verifiedAt: string;
}
