/**
 * Polls `read` every `intervalMs` until `done` holds or `timeoutMs` pass, and returns the last
 * value (the test's `expect` then says what was missing). For consumers and relays that act
 * a little after the call that caused them.
 *
 * @example
 * const rows = await eventually(() => repo.list(kid), (list) => list.length === 2);
 * expect(rows).toHaveLength(2);
 */
export async function eventually<T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  return value;
}
