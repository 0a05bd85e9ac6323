import type { TransformFnParams } from 'class-transformer';

/** Empty form fields mean "not given". */
export const emptyToUndefined = ({ value }: TransformFnParams): unknown => (value === '' ? undefined : value);

export const trimmed = ({ value }: TransformFnParams): unknown => (typeof value === 'string' ? value.trim() : value);

export const optionalNumber = ({ value }: TransformFnParams): unknown => {
  if (value === '' || value === undefined || value === null) return undefined;
  return typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
};

/** A checkbox group posts nothing, one value or several: always an array of ids. */
export const idList = ({ value }: TransformFnParams): unknown => {
  if (value === undefined || value === '') return [];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item));
};
