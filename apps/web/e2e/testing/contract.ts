import { createContractValidator, type ContractValidator } from '@mikasmissions/testing';

/** The v1 contract validator for the browser suites (answers the page received, checked like the e2e specs do). */
export function browserContractValidator(): ContractValidator {
  return createContractValidator();
}
