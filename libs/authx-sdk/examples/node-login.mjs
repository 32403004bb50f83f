/**
 * The authx-sdk from a plain Node script (ESM): dev login, an authenticated call, an explicit
 * refresh, and a rejected access token healed by one automatic refresh. Tokens stay in this
 * process's memory (the default store); nothing touches localStorage.
 *
 *   pnpm run dev:local                                  # gateway on :8080, AUTH_DEV_LOGIN=true
 *   pnpm exec node libs/authx-sdk/examples/node-login.mjs
 *   AUTHX_URL=http://127.0.0.1:8081/v1 pnpm exec node libs/authx-sdk/examples/node-login.mjs   # identity directly
 *
 * Prints one line per step; exits 1 on the first failure.
 */
import { AuthError, createAuthClient, memoryTokenStore } from '@mikasmissions/authx-sdk';

const baseUrl = process.env.AUTHX_URL ?? 'http://localhost:8080/v1';
const userId = process.env.AUTHX_USER ?? 'node-script';
const store = memoryTokenStore();
const auth = createAuthClient({ baseUrl, tokenStore: store });
auth.onAuthStateChange((event) => console.log(`event ${event}`));

async function me(label) {
  const res = await auth.fetchWithAuth('/me');
  if (res.status !== 200) throw new Error(`${label}: GET /me answered ${res.status}`);
  const body = await res.json();
  console.log(`${label} 200 user=${body.userId} session=${body.sessionId}`);
  return body;
}

try {
  const first = await auth.login({ userId });
  console.log(`login ok session=${first.sessionId}`);
  await me('me');
  const rotated = await auth.refresh();
  if (!rotated || rotated.refreshToken === first.refreshToken) throw new Error('refresh did not rotate the refresh token');
  console.log('refresh ok (new refresh token)');
  await store.set({ ...rotated, accessToken: 'not-a-valid-token' });
  await me('me after a rejected token');
  const healed = await auth.getTokens();
  if (!healed || healed.accessToken === 'not-a-valid-token') throw new Error('the 401 did not lead to a refresh');
  await auth.logout();
  console.log(`logout ok signedIn=${(await auth.getTokens()) !== null}`);
} catch (error) {
  const detail = error instanceof AuthError ? `${error.status} ${error.code}: ${error.message}` : String(error?.message ?? error);
  console.error(`failed: ${detail} (AUTHX_URL=${baseUrl})`);
  process.exitCode = 1;
}
