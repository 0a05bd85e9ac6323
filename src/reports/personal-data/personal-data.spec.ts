import { flatten } from './personal-data.service';

describe('own-data flattening', () => {
  it('turns nested data into path and value pairs, keeping numbers', () => {
    expect(flatten({ profile: { name: 'Ana', age: null }, list: [{ score: 40 }, { score: 90 }], flag: true, empty: [] })).toEqual([
      ['profile.name', 'Ana'],
      ['profile.age', null],
      ['list.0.score', 40],
      ['list.1.score', 90],
      ['flag', 'true'],
      ['empty', ''],
    ]);
  });
});
