import { clientIp } from './client-ip';

describe('clientIp', () => {
  it.each([
    ['ignores the header with 0 trusted hops', '6.6.6.6', '203.0.113.7', 0, '203.0.113.7'],
    ['takes the right-most entry with 1 hop, not a spoofed left-most', '6.6.6.6, 7.7.7.7, 203.0.113.7', '10.0.0.2', 1, '203.0.113.7'],
    ['skips one trusted proxy entry with 2 hops', '6.6.6.6, 203.0.113.7, 10.0.0.3', '10.0.0.2', 2, '203.0.113.7'],
    ['clamps to the left-most when the chain is short', '203.0.113.7', '10.0.0.2', 3, '203.0.113.7'],
    ['uses the socket without a header', undefined, '::ffff:203.0.113.7', 1, '203.0.113.7'],
    ['uses the socket for an empty header', ' , ', '203.0.113.7', 1, '203.0.113.7'],
    ['falls back to the socket for a non-IP entry', 'evil, not-an-ip', '10.0.0.2', 1, '10.0.0.2'],
    ['strips ports and brackets', '[2001:DB8::1]:443', '10.0.0.2', 1, '2001:db8::1'],
    ['strips an IPv4 port', '6.6.6.6,203.0.113.7:5555', '10.0.0.2', 1, '203.0.113.7'],
    ['treats a bad hop count as 0', '6.6.6.6', '203.0.113.7', -1, '203.0.113.7'],
  ])('%s', (_name, xff, socket, hops, expected) => {
    expect(clientIp(xff, socket, hops)).toBe(expected);
  });

  it('cannot be moved by any number of spoofed left-most entries', () => {
    const spoof = Array.from({ length: 50 }, (_, i) => `1.1.1.${i}`).join(', ');
    expect(clientIp(`${spoof}, 203.0.113.7`, '10.0.0.2', 1)).toBe('203.0.113.7');
  });
});
