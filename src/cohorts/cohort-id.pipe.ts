import { HttpStatus, ParseIntPipe } from '@nestjs/common';

/** A malformed id in the URL is just a page that does not exist. */
export const idParam = new ParseIntPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });
