/**
 * Every limit of the site, in one place. A bucket allows `points` attempts per
 * `durationSeconds` for one key (an account's email or a client address);
 * the window starts at the first attempt.
 */
export type ThrottleBucket =
  | 'signInAccount'
  | 'signInAddress'
  | 'forgotPasswordAccount'
  | 'forgotPasswordAddress'
  | 'registrationAddress'
  | 'certificateVerificationAddress';

export interface BucketRule {
  points: number;
  durationSeconds: number;
}

const MINUTE = 60;

export const THROTTLE_BUCKETS: Record<ThrottleBucket, BucketRule> = {
  // 5 sign-ins per account per 15 minutes; a successful one gives the account its attempts back.
  signInAccount: { points: 5, durationSeconds: 15 * MINUTE },
  // 30 per client address per 15 minutes (an office behind one address); a successful one gives its attempt back.
  signInAddress: { points: 30, durationSeconds: 15 * MINUTE },
  forgotPasswordAccount: { points: 5, durationSeconds: 15 * MINUTE },
  forgotPasswordAddress: { points: 30, durationSeconds: 15 * MINUTE },
  // A training room registers a whole class from one address: 40 per hour.
  registrationAddress: { points: 40, durationSeconds: 60 * MINUTE },
  // Public certificate lookups: enough for an office checking a stack of papers, too few to enumerate codes.
  certificateVerificationAddress: { points: 20, durationSeconds: 5 * MINUTE },
};

/** The table the counters live in (created by migration RateLimits1795400300000). */
export const RATE_LIMIT_TABLE = 'rate_limit';
