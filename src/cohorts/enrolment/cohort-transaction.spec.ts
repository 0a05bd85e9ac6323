import { isActivePerCourseViolation } from './cohort-transaction';

describe('isActivePerCourseViolation', () => {
  it('recognises the partial unique index on PostgreSQL and on SQLite', () => {
    expect(isActivePerCourseViolation({ driverError: { code: '23505', constraint: 'UQ_enrolment_active_per_course' } })).toBe(true);
    expect(
      isActivePerCourseViolation({
        driverError: { message: 'SQLITE_CONSTRAINT: UNIQUE constraint failed: enrolment.userId, enrolment.courseId' },
      }),
    ).toBe(true);
  });

  it('ignores other unique violations and other errors', () => {
    expect(isActivePerCourseViolation({ driverError: { code: '23505', constraint: 'UQ_app_user_email' } })).toBe(false);
    expect(isActivePerCourseViolation({ driverError: { message: 'UNIQUE constraint failed: app_user.email' } })).toBe(false);
    expect(isActivePerCourseViolation(new Error('boom'))).toBe(false);
  });
});
