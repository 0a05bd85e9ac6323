import { ValueTransformer } from 'typeorm';

// PostgreSQL returns bigint as a string; epoch milliseconds fit safely in a JS number.
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
