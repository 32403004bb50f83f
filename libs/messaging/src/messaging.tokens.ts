/** Injection token of the resolved messaging options. */
export const MESSAGING_OPTIONS = Symbol.for('mikasmissions.messaging.options');
