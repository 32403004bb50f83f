import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { AuthxModule } from './authx.module';
import { JwtCodec } from './tokens/jwt-codec';

@Controller('ping')
class PingController {
  @Get()
  ping(): string {
    return 'pong';
  }
}

@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot(),
    PersistenceModule,
    PlatformHttpModule,
    AuthxModule.forRoot({ controllers: ['auth'] }),
  ],
  controllers: [PingController],
})
class OutageModule {}

describe('AuthX with its stores down answers 503, never 500', () => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    const env = testEnv('memory', {
      REDIS_URL: 'redis://127.0.0.1:1',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none',
      OTP_SENDER: 'capture',
    });
    app = await bootApp(OutageModule, { adapter: 'express', env });
    url = await baseUrl(app);
  });
  afterAll(() => app.close());

  it('OTP request with Redis down → 503 auth_unavailable', async () => {
    const res = await fetch(`${url}/auth/otp/request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'a@example.com', channel: 'email' }),
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('auth_unavailable');
  });

  it('a refresh with Postgres down → 503 auth_unavailable with Retry-After', async () => {
    const res = await fetch(`${url}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: 'x'.repeat(43) }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await res.json()).error.code).toBe('auth_unavailable');
  });

  it('a bearer request with Postgres down → 503, a bad token still → 401', async () => {
    const token = await app
      .get(JwtCodec)
      .sign({ sub: 'u1', tenant: 'default', roles: [], sid: '00000000-0000-0000-0000-000000000001', jti: 'j' }, 60);
    const res = await fetch(`${url}/ping`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(503);
    expect((await fetch(`${url}/ping`, { headers: { authorization: 'Bearer x.y.z' } })).status).toBe(401);
    expect((await fetch(`${url}/ping`)).status).toBe(200);
  });
});
