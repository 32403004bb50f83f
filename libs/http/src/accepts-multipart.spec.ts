import { forwardRef, Module } from '@nestjs/common';
import { AcceptsMultipart, collectMultipartPaths } from './accepts-multipart.decorator';
import { checkRequestHead } from './request-head';

@AcceptsMultipart('creator/assets')
@Module({})
class UploadsModule {}

@AcceptsMultipart('other/files')
@Module({})
class LazyModule {}

@Module({ imports: [{ module: UploadsModule, imports: [] }, forwardRef(() => LazyModule)] })
class RootModule {}

const multipart = { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '10' };

describe('@AcceptsMultipart', () => {
  it('collects the declared paths under the global prefix, through dynamic modules and forwardRef', () => {
    expect(collectMultipartPaths(RootModule, 'v1').sort()).toEqual(['/v1/creator/assets', '/v1/other/files']);
    expect(collectMultipartPaths(RootModule)).toContain('/creator/assets');
  });

  it('refuses a path that is not a route path at decoration time', () => {
    expect(() => AcceptsMultipart('/leading')).toThrow(/not a route path/);
    expect(() => AcceptsMultipart('trailing/')).toThrow(/not a route path/);
  });

  it('lets only a POST multipart body to a declared path past the JSON-only head check', () => {
    const paths = new Set(['/v1/creator/assets']);
    expect(() => checkRequestHead({ method: 'POST', url: '/v1/creator/assets', headers: multipart }, paths)).not.toThrow();
    expect(() => checkRequestHead({ method: 'POST', url: '/v1/creator/assets?x=1', headers: multipart }, paths)).not.toThrow();
    const refused = (method: string, url: string, headers: Record<string, string>) => {
      try {
        checkRequestHead({ method, url, headers }, paths);
        return 'accepted';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    expect(refused('POST', '/v1/creator/assets/upload', multipart)).toBe('unsupported_media_type');
    expect(refused('PUT', '/v1/creator/assets', multipart)).toBe('unsupported_media_type');
    expect(refused('POST', '/v1/creator/assets', { ...multipart, 'content-type': 'text/plain' })).toBe('unsupported_media_type');
    expect(refused('POST', '/v1/creator/assets', { ...multipart, 'content-encoding': 'gzip' })).toBe('unsupported_media_type');
    expect(refused('POST', '/v1/creator/assets', multipart)).toBe('accepted');
    expect(() => checkRequestHead({ method: 'POST', url: '/v1/creator/assets', headers: multipart })).toThrow(/must be JSON/);
  });
});
