import { Injectable } from '@nestjs/common';
import { ServiceClient, ServiceUnavailableError } from '@mikasmissions/service-client';
import { ParentDirectory, type ParentContact } from '../parent-directory';
import { IdentityUnavailableError } from '../recipient.errors';

/** What identity's `GET /internal/parents/{id}/contact` answers. */
interface ContactAnswer {
  parent_user_id: string;
  email: string;
  phone?: string;
  marketing: boolean;
  language: string;
}

const isContact = (body: unknown): body is ContactAnswer => {
  const b = body as Partial<ContactAnswer> | undefined;
  return (
    typeof b?.parent_user_id === 'string' &&
    typeof b.email === 'string' &&
    typeof b.marketing === 'boolean' &&
    typeof b.language === 'string'
  );
};

/**
 * {@link ParentDirectory} over identity: `GET /internal/parents/{id}/contact` as the signed
 * `service` identity. 404 → `null`; down, a 5xx or an answer off the route's shape → 503
 * `identity_unavailable` (never a guess, so a marketing opt-out is never read as consent).
 */
@Injectable()
export class IdentityParentDirectory extends ParentDirectory {
  constructor(private readonly client: ServiceClient) {
    super();
  }

  async contactOf(parentUserId: string): Promise<ParentContact | null> {
    let answer: { status: number; body: unknown };
    try {
      answer = await this.client.call('identity', { method: 'GET', path: `/internal/parents/${encodeURIComponent(parentUserId)}/contact` });
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw new IdentityUnavailableError(error);
      throw error;
    }
    if (answer.status === 404) return null;
    if (answer.status !== 200 || !isContact(answer.body)) {
      throw new IdentityUnavailableError(new Error(`identity answered ${answer.status} to a contact lookup`));
    }
    const { email, phone, marketing, language } = answer.body;
    return { parentUserId: answer.body.parent_user_id, email, marketing, language, ...(phone ? { phone } : {}) };
  }
}
