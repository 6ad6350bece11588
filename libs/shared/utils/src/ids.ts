import { v7 as uuidv7, validate, version } from 'uuid';

/** New primary key. UUIDv7 is time-ordered, so inserts land at the right edge of the index. */
export function newId(): string {
  return uuidv7();
}

export function isUuid(value: string): boolean {
  return validate(value);
}

export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}
