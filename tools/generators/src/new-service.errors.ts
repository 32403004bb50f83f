/**
 * Input `new:service` refuses (bad name or port, a service that exists, a workspace file
 * it cannot edit). The CLI prints its message as one line and exits 2; nothing is written.
 */
export class NewServiceInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NewServiceInputError';
  }
}
