export { EventContracts, EventValidationError, PLATFORM_EVENT_CONTRACTS, UnknownEventTypeError } from './event-contracts';
export type { EventContract, JsonSchema } from './event-contracts';
