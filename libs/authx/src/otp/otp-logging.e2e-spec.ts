import { Module, type INestApplication } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { baseUrl, bootApp, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { AuthxModule } from '../authx.module';
import { ConsoleOtpSender } from './senders/console-otp.sender';

const logLines: string[] = [];
const senderLines: string[] = [];

@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot({ serviceName: 'authx-log-test', logDestination: { write: (line: string) => void logLines.push(line) } }),
    PersistenceModule,
    PlatformHttpModule,
    AuthxModule.forRoot({ controllers: ['auth'], sender: new ConsoleOtpSender({ write: (line: string) => senderLines.push(line) }) }),
  ],
})
class LogTestModule {}

const post = (path: string, body: unknown) => ({
  path,
  init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
});

describe('secrets never reach the logs (debug level, console sender)', () => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    app = await bootApp(LogTestModule, {
      adapter: 'express',
      env: testEnv('redis', { LOG_LEVEL: 'debug', AUTHX_REDIS_PREFIX: uniquePrefix('authx-log') }),
    });
    url = await baseUrl(app);
  });
  afterAll(() => app.close());

  it('prints the code only on the console sender’s stream; codes and tokens stay out of pino lines', async () => {
    const call = async ({ path, init }: ReturnType<typeof post>) => (await fetch(`${url}${path}`, init)).json();
    const { ticketId } = await call(post('/auth/otp/request', { subject: 'leak@example.com', channel: 'email' }));
    const code = senderLines.join('').match(/: (\d{6}) —/)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await call(post('/auth/otp/verify', { ticketId, code: code === '000000' ? '111111' : '000000' }));
    const pair = await call(post('/auth/otp/verify', { ticketId, code }));
    const next = await call(post('/auth/refresh', { refreshToken: pair.refreshToken }));
    const logs = logLines.join('\n');
    expect(logs).toContain('AuthxAudit');
    for (const secret of [code!, pair.accessToken, pair.refreshToken, next.accessToken, next.refreshToken])
      expect(logs).not.toContain(secret);
  });
});
