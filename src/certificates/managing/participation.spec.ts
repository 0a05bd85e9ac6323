import { meetsParticipation, modulesPercent } from './participation';

describe('participation rule', () => {
  it('counts the share of lesson modules completed, rounded down', () => {
    expect(modulesPercent(1, 3)).toBe(33);
    expect(modulesPercent(2, 4)).toBe(50);
    expect(modulesPercent(0, 0)).toBe(0);
  });

  it('is met at or above the percentage course.md sets, never without a rule or modules', () => {
    expect(meetsParticipation({ modulesPercent: 50 }, 2, 4)).toBe(true);
    expect(meetsParticipation({ modulesPercent: 50 }, 1, 3)).toBe(false);
    expect(meetsParticipation(null, 4, 4)).toBe(false);
    expect(meetsParticipation({ modulesPercent: 1 }, 0, 0)).toBe(false);
  });
});
