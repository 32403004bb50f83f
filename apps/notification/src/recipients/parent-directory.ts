/** How notification may reach a parent, and whether it may send marketing-kind messages. */
export interface ParentContact {
  parentUserId: string;
  email: string;
  /** E.164, when identity holds one; SMS goes there instead of e-mail. */
  phone?: string;
  /** The `marketing` consent given at signup. */
  marketing: boolean;
  /** BCP 47 tag. */
  language: string;
}

/** Port: parent contacts, read from identity at the moment they are needed (never copied into notification's store). */
export abstract class ParentDirectory {
  /** The parent's contact in the current tenant, or `null` when identity knows none; throws `IdentityUnavailableError` when it cannot say. */
  abstract contactOf(parentUserId: string): Promise<ParentContact | null>;
}
