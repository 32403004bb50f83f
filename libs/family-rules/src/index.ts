export { isBedtimeActive, localDate } from './family-time';
