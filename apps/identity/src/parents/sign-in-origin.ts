import { clientIp } from '@mikasmissions/http';
import type { SignInOrigin } from './parents.service';

/** The parts of an HTTP request (Express or Fastify) a sign-in reads. */
export interface OriginRequest {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The caller's address (libs/http's `clientIp`, trusting `trustedHops` proxies as AuthX does)
 * and user agent, for sign-in throttling and the session.
 */
export function signInOrigin(req: OriginRequest, trustedHops: number): SignInOrigin {
  const xff = req.headers['x-forwarded-for'];
  const agent = req.headers['user-agent'];
  return {
    ip: clientIp(Array.isArray(xff) ? xff.join(',') : xff, req.ip ?? 'unknown', trustedHops),
    userAgent: typeof agent === 'string' ? agent : undefined,
  };
}
