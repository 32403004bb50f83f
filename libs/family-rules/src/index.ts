export { isBedtimeActive, isWithinWindow, parseBedtimeWindow } from './bedtime-window';
export type { BedtimeWindow } from './bedtime-window';
export { isValidTimeZone, localDayOf, localTimeOf } from './local-time';
export type { LocalTime } from './local-time';
