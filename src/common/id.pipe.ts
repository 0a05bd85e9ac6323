import { Injectable, NotFoundException, PipeTransform } from '@nestjs/common';

/** The largest id a 32-bit integer column holds. */
export const MAX_ID = 2_147_483_647;

/** Whether a path segment is a record id as this app writes them: 1 to 2147483647 in plain digits, no sign, no leading zero. */
export function isIdText(value: unknown): value is string {
  return typeof value === 'string' && /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= MAX_ID;
}

/**
 * The one id pipe for route parameters: anything but strict digits (`3.0`,
 * `0x3`, `+3`, `1e1`, `03`, `-1`, an overflow) is a page that does not exist, 404.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!isIdText(value)) throw new NotFoundException();
    return Number(value);
  }
}
