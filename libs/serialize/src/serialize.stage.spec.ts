import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { Serialize } from './serialize.decorator';
import { SerializeModule } from './serialize.module';

const userSchema = {
  title: 'User',
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
  required: ['id', 'name'],
};

@Controller('users')
class UsersController {
  @Serialize(userSchema)
  @Get('one')
  one(): Record<string, unknown> {
    return { id: 'u1', name: 'Mika', tags: ['a'], passwordHash: 'secret-hash', internal: { x: 1 } };
  }

  @Get('raw')
  raw(): Record<string, unknown> {
    return { id: 'u1', passwordHash: 'visible-without-serialize' };
  }
}

@Module({
  imports: [PlatformConfigModule.forRoot(), ContextModule.forRoot(), PersistenceModule, PlatformHttpModule, SerializeModule],
  controllers: [UsersController],
})
class SerializeTestModule {}

describe.each(ADAPTERS)('@Serialize on %s', (adapter) => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    app = await bootApp(SerializeTestModule, { adapter, env: testEnv('memory') });
    url = await baseUrl(app);
  });
  afterAll(() => app.close());

  it('sends exactly the schema fields as JSON; others never leak', async () => {
    const res = await fetch(`${url}/users/one`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ id: 'u1', name: 'Mika', tags: ['a'] });
    expect(text).not.toContain('secret-hash');
    expect(text).not.toContain('internal');
  });

  it('leaves routes without @Serialize alone', async () => {
    expect(await (await fetch(`${url}/users/raw`)).json()).toEqual({ id: 'u1', passwordHash: 'visible-without-serialize' });
  });
});

describe('@Serialize schema', () => {
  it('fails when the class is defined, naming the schema', () => {
    expect(() => Serialize({ title: 'Broken', type: 'objekt' })).toThrow('@Serialize(Broken): invalid response schema');
    expect(() => Serialize({ type: 'object', properties: 5 })).toThrow('@Serialize(schema): invalid response schema');
  });
});
