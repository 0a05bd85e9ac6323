import { NotFoundException, PipeTransform } from '@nestjs/common';
import type { SheetFormat } from '../roster/roster.service';

/** "csv" or "xlsx" in the path; anything else is a page that does not exist. */
export class FormatPipe implements PipeTransform<string, SheetFormat> {
  transform(value: string): SheetFormat {
    if (value === 'csv' || value === 'xlsx') return value;
    throw new NotFoundException();
  }
}
