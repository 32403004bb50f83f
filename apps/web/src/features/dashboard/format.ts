/** Milliseconds as whole minutes and seconds, e.g. `{ minutes: 2, seconds: 5 }`. */
export function minutesSeconds(ms: number): { minutes: number; seconds: number } {
  const total = Math.round(ms / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** Milliseconds in minutes with one decimal (chart values). */
export function toMinutes(ms: number): number {
  return Math.round(ms / 6000) / 10;
}
