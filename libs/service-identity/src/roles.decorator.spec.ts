import { Controller, Get, Module } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { bootApp, testEnv } from '@mikasmissions/testing';
import type { EdgeRole } from './identity-headers';
import { Roles } from './roles.decorator';
import { ServiceIdentityModule } from './service-identity.module';

@Controller('internal')
class InternalController {
  @Roles('parent')
  @Get('jobs')
  jobs(): { ok: true } {
    return { ok: true };
  }
}

@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot(),
    PersistenceModule,
    PlatformHttpModule,
    ServiceIdentityModule.forRoot(),
  ],
  controllers: [InternalController],
})
class ContradictoryModule {}

@Module({
  imports: [PlatformConfigModule.forRoot(), ContextModule.forRoot(), PersistenceModule, PlatformHttpModule],
  controllers: [InternalController],
})
class WithoutIdentityModule {}

describe('@Roles', () => {
  it('rejects unknown or missing role names when the route is defined', () => {
    expect(() => Roles('parent', 'root' as EdgeRole)).toThrow(
      /@Roles\("parent", "root"\): name one or more of parent, child, service, admin, creator/,
    );
    expect(() => Roles()).toThrow(/name one or more/);
  });

  it('stops the start-up without ServiceIdentityModule, and on an /internal route that leaves out service', async () => {
    await expect(bootApp(WithoutIdentityModule, { adapter: 'express', env: testEnv('memory') })).rejects.toThrow(
      /InternalController\.jobs: @Roles needs ServiceIdentityModule/,
    );
    await expect(bootApp(ContradictoryModule, { adapter: 'express', env: testEnv('memory'), globalPrefix: 'v1' })).rejects.toThrow(
      /InternalController\.jobs: \/internal routes are for the service role, but @Roles\(parent\) leaves it out/,
    );
  });
});
