/** An admin account (the password only as an argon2id hash). */
export interface AdminUser {
  id: string;
  tenantId: string;
  /** Lower-cased email, unique per tenant. */
  emailKey: string;
  passwordHash: string;
  createdAt: string;
}

/** What the bootstrap stores. */
export type NewAdminUser = Omit<AdminUser, 'createdAt'>;
