import { Equals } from 'class-validator';

/** The admin ticks a box saying they understand it cannot be undone, so a slip of the mouse erases nobody. */
export class AnonymiseUserDto {
  @Equals('yes')
  confirm: string;
}
