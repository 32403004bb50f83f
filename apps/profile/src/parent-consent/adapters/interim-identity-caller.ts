import { defineConfigFragment, type AppConfig } from '@mikasmissions/config';
import { RequestContext } from '@mikasmissions/context';
import { signIdentity, type IdentitySettings } from '@mikasmissions/service-identity';
import { z } from 'zod';
import { IdentityUnavailableError } from '../parent-consent.errors';
import type { ServiceCaller } from './service-client-parent-consent';

/** `IDENTITY_URL` (default `http://127.0.0.1:8081`), until libs/service-client resolves it. */
export const identityUrlConfig = defineConfigFragment('profile-identity-url', z.object({ IDENTITY_URL: z.string().url().default('http://127.0.0.1:8081') }));

/**
 * INTERIM, until `ServiceClient` (libs/service-client) is on main: calls identity with a signed
 * `service` identity (the request's id and tenant), and turns a refused connection, a timeout
 * or a 5xx into {@link IdentityUnavailableError} (503). Same contract as `ServiceClient.call`
 * for the one service this app calls; replaced by it on `git merge main`.
 */
export class InterimIdentityCaller implements ServiceCaller {
  private readonly baseUrl: string;

  constructor(
    config: AppConfig,
    private readonly settings: IdentitySettings,
  ) {
    this.baseUrl = config.slice(identityUrlConfig).IDENTITY_URL.replace(/\/$/, '');
  }

  async call(service: string, request: { method: string; path: string; timeoutMs?: number }): Promise<{ status: number; body: unknown }> {
    const ctx = RequestContext.current();
    const identity = { role: 'service' as const, tenantId: ctx.active ? ctx.tenantId : 'default', requestId: ctx.active ? ctx.requestId : 'background' };
    try {
      const res = await fetch(`${this.baseUrl}${request.path}`, {
        method: request.method,
        headers: signIdentity(identity, { method: request.method, path: request.path }, this.settings.key),
        signal: AbortSignal.timeout(request.timeoutMs ?? 2_000),
      });
      const text = await res.text();
      if (res.status >= 500) throw new IdentityUnavailableError(service);
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    } catch (error) {
      if (error instanceof IdentityUnavailableError) throw error;
      throw new IdentityUnavailableError(service);
    }
  }
}
