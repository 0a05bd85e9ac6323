import { NotFoundException } from '@nestjs/common';
import { ParseIdPipe } from './id.pipe';

describe('ParseIdPipe', () => {
  const pipe = new ParseIdPipe();

  it('takes plain digits', () => {
    expect(pipe.transform('1')).toBe(1);
    expect(pipe.transform('42')).toBe(42);
    expect(pipe.transform('2147483647')).toBe(2147483647);
  });

  it.each(['0', '03', '3.0', '0x3', '+3', '-3', '1e1', ' 3', '3 ', '', '2147483648', '99999999999', 'abc', '３'])(
    'answers 404 to %j',
    (value) => {
      expect(() => pipe.transform(value)).toThrow(NotFoundException);
    },
  );
});
