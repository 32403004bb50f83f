import { Controller, Module, Post } from '@nestjs/common';
import { MessagingConfigError } from './messaging.errors';
import { MessagingModule } from './messaging.module';
import { Publish, PUBLISH_METADATA } from './publish.decorator';
import { bootApp, testEnv } from '@mikasmissions/testing';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PersistenceModule } from '@mikasmissions/persistence';
import { Reflector } from '@nestjs/core';

describe('@Publish', () => {
  it('stores its type and options as metadata for the interceptor', () => {
    const map = (r: { id: string }) => ({ eventId: r.id });
    class Handler {
      @Publish('analytics.event.recorded', { map })
      handle(): void {}
    }
    expect(new Reflector().get(PUBLISH_METADATA, Handler.prototype.handle)).toEqual({ type: 'analytics.event.recorded', map });
  });

  it('rejects malformed types and options when the class is defined', () => {
    expect(() => Publish('Not A Type')).toThrow(MessagingConfigError);
    expect(() => Publish('media.uploaded', { map: 'nope' as never })).toThrow('option "map" must be a function');
  });

  it('fails the start-up when an @Publish type has no JSON schema', async () => {
    @Controller('x')
    class UnknownEventController {
      @Post()
      @Publish('media.vanished')
      create(): object {
        return {};
      }
    }
    @Module({
      imports: [PlatformConfigModule.forRoot(), ContextModule.forRoot(), PersistenceModule, MessagingModule.forRoot({ service: 'unit' })],
      controllers: [UnknownEventController],
    })
    class BadModule {}
    await expect(bootApp(BadModule, { adapter: 'express', env: testEnv('memory') })).rejects.toThrow(
      'UnknownEventController.create: @Publish("media.vanished") has no JSON schema in libs/contracts-events',
    );
  });

  it('rejects bad module options at start-up', () => {
    expect(() => MessagingModule.forRoot({ service: 'Bad Name' })).toThrow('service must be a lowercase name');
    expect(() => MessagingModule.forRoot({ service: 'ok', relay: { batchSize: 0 } })).toThrow('relay.batchSize must be a positive number');
  });
});
