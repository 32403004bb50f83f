import { Injectable, type PipeTransform } from '@nestjs/common';
import { PlatformError } from '@mikasmissions/http';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/** A path creator id that is not the contract's `Id` (1..128 of `[A-Za-z0-9_.:-]`): 400 `validation_failed`. */
export class InvalidCreatorIdError extends PlatformError {
  constructor() {
    super(400, 'validation_failed', 'the creator id in the path is not a valid id', [
      { path: 'creator_id', message: 'must match ^[A-Za-z0-9][A-Za-z0-9_.:-]*$ (1..128)' },
    ]);
  }
}

/** Checks the path's creator id against the contract's `Id` before any store sees it. */
@Injectable()
export class CreatorIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length > 128 || !ID.test(value)) throw new InvalidCreatorIdError();
    return value;
  }
}
