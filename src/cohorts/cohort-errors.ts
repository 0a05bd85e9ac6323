import { NotFoundException } from '@nestjs/common';

/** Same answer for a cohort that does not exist and one the user may not see: nothing is revealed by the id. */
export class CohortNotFoundError extends NotFoundException {
  constructor() {
    super('cohorts.errors.notFound');
  }
}
