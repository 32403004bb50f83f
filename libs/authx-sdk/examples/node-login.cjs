/**
 * The authx-sdk from CommonJS (`require`): dev login and one authenticated call.
 *   AUTHX_URL=http://localhost:8080/v1 pnpm exec node libs/authx-sdk/examples/node-login.cjs
 */
const { createAuthClient } = require('@mikasmissions/authx-sdk');

const auth = createAuthClient({ baseUrl: process.env.AUTHX_URL ?? 'http://localhost:8080/v1' });

auth
  .login({ userId: process.env.AUTHX_USER ?? 'node-script' })
  .then(() => auth.fetchWithAuth('/me'))
  .then(async (res) => {
    const body = await res.json();
    console.log(`cjs me ${res.status} user=${body.userId}`);
    if (res.status !== 200) process.exitCode = 1;
  })
  .catch((error) => {
    console.error(`failed: ${error.message}`);
    process.exitCode = 1;
  });
