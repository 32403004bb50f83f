import { clientIp } from './client-ip';

describe('clientIp', () => {
  const req = (xff?: string | string[], ip = '10.0.0.2') => ({ ip, headers: { 'x-forwarded-for': xff } });

  it('uses the socket address when no proxy is trusted', () => {
    expect(clientIp(req('203.0.113.7'), 0)).toBe('10.0.0.2');
  });

  it('behind one proxy uses the right-most entry, never one the client sent', () => {
    expect(clientIp(req('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientIp(req(['6.6.6.6', '7.7.7.7, 203.0.113.7']), 1)).toBe('203.0.113.7');
    expect(clientIp(req(), 1)).toBe('10.0.0.2');
  });

  it('behind two proxies uses the second entry from the right, and the left-most when there are fewer', () => {
    expect(clientIp(req('6.6.6.6, 203.0.113.7, 10.1.1.1'), 2)).toBe('203.0.113.7');
    expect(clientIp(req('203.0.113.7'), 2)).toBe('203.0.113.7');
  });

  it('ignores an entry that is not an IP address', () => {
    expect(clientIp(req('6.6.6.6, not-an-ip'), 1)).toBe('10.0.0.2');
    expect(clientIp(req('2001:db8::1'), 1)).toBe('2001:db8::1');
  });
});
