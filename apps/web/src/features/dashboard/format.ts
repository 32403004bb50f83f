/** Milliseconds as whole minutes and seconds, e.g. `{ minutes: 2, seconds: 5 }`. */
export function minutesSeconds(ms: number): { minutes: number; seconds: number } {
  const total = Math.round(ms / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** Milliseconds in minutes (chart values), unrounded so a few seconds of watching still draw a bar. */
export function toMinutes(ms: number): number {
  return ms / 60_000;
}
