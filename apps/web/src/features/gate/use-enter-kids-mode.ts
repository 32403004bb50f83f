'use client';

import { unwrap } from '@/api/api-error';
import { useApi } from '@/api/api-provider';
import { type ChildInfo, sessionStore } from '@/api/session-store';
import { useRouter } from '@/i18n/navigation';

/**
 * What a passed gate does on the dashboard: spends the gate token on
 * POST /v1/children/profiles/{id}/session, keeps the child's tokens in memory and opens kids mode.
 */
export function useEnterKidsMode(): (child: ChildInfo, gateToken: string) => Promise<void> {
  const api = useApi();
  const router = useRouter();
  return async (child, gateToken) => {
    const session = await unwrap(
      api.parent.POST('/v1/children/profiles/{child_profile_id}/session', {
        params: { path: { child_profile_id: child.childProfileId } },
        body: { gate_token: gateToken },
      }),
    );
    sessionStore.setTokens(
      'child',
      { accessToken: session.access_token, refreshToken: session.refresh_token, expiresIn: session.expires_in },
      child,
    );
    router.push('/kids');
  };
}
