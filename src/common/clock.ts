import { Injectable } from '@nestjs/common';

/** The one source of time, so tests can move it (time limits, windows, throttling). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
