/**
 * An address with most of it hidden, for console output and logs: `m***@example.com`,
 * `+49******12`.
 *
 * @example
 * maskAddress('mika@example.com') // 'm***@example.com'
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  if (address.length <= 4) return '*'.repeat(address.length);
  return `${address.slice(0, 3)}${'*'.repeat(Math.max(1, address.length - 5))}${address.slice(-2)}`;
}
