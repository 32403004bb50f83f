import { Controller, Get, Logger, Module } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PlatformHttpModule } from '@mikasmissions/http';
import { ADAPTERS, baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { Writable } from 'node:stream';

const lines: Array<Record<string, unknown>> = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

@Controller('work')
class WorkController {
  private readonly logger = new Logger('Work');

  @Get()
  async work(): Promise<{ ok: true }> {
    this.logger.log('step one');
    await new Promise((r) => setTimeout(r, 5));
    this.logger.warn({ msg: 'step two', password: 'hunter2', code: '123456' });
    return { ok: true };
  }
}

@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot({ logDestination: capture, serviceName: 'log-test' }),
    PlatformHttpModule,
  ],
  controllers: [WorkController],
})
class LogTestModule {}

describe.each(ADAPTERS)('request logging on %s', (adapter) => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await bootApp(LogTestModule, { adapter, env: testEnv('memory', { LOG_LEVEL: 'info' }) });
    url = await baseUrl(app);
  });
  afterAll(() => app.close());

  it('stamps every line logged during a request with its request id', async () => {
    lines.length = 0;
    await Promise.all([
      fetch(`${url}/work`, { headers: { 'x-request-id': `${adapter}-a` } }),
      fetch(`${url}/work`, { headers: { 'x-request-id': `${adapter}-b` } }),
    ]);
    await new Promise((r) => setTimeout(r, 50));
    for (const id of [`${adapter}-a`, `${adapter}-b`]) {
      const mine = lines.filter((l) => l.requestId === id);
      expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['step one', 'step two', 'request completed']));
      expect(mine.every((l) => l.service === 'log-test')).toBe(true);
    }
    const appLines = lines.filter((l) => l.msg === 'step one' || l.msg === 'step two');
    expect(appLines).toHaveLength(4);
    expect(appLines.every((l) => typeof l.requestId === 'string')).toBe(true);
  });

  it('never writes secrets or codes to the log', async () => {
    lines.length = 0;
    await fetch(`${url}/work?access_token=query-secret&code=654321`, {
      headers: { authorization: 'Bearer very-secret-token', cookie: 'sid=secret-cookie' },
    });
    await new Promise((r) => setTimeout(r, 50));
    const text = JSON.stringify(lines);
    expect(text).toContain('step two');
    for (const secret of ['hunter2', '123456', 'very-secret-token', 'secret-cookie', 'query-secret', '654321'])
      expect(text).not.toContain(secret);
  });
});
