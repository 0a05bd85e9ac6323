import { Injectable, NotFoundException, PipeTransform } from '@nestjs/common';

/** A record id from the path; anything else is a page that does not exist (404, not 400). */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,9}$/.test(value)) throw new NotFoundException();
    const id = Number(value);
    if (id > 2_147_483_647) throw new NotFoundException();
    return id;
  }
}
