/**
 * The parameters of Open311 requests and what can be wrong with them. Each check adds a problem
 * in words a client's developer reads (the spec answers a list of them) and goes on, so one answer
 * names every problem; `invalidParameters` turns the list into the domain error a service throws.
 * Pure: no I/O.
 */
import { DomainError } from '../shared/errors.js';

/** One problem with a request's parameters, as its sentence in the spec's error list. */
export interface ParameterProblem {
  description: string;
}

/**
 * The problems as one `VALIDATION_FAILED` error; `descriptions` keeps each sentence, which the
 * HTTP edge (http.ts) writes as one entry of the error list.
 */
export function invalidParameters(problems: ParameterProblem[]): DomainError {
  const descriptions = problems.map((p) => p.description);
  return new DomainError('VALIDATION_FAILED', descriptions.join('; '), { descriptions });
}

export function parseCoordinate(
  value: string | undefined,
  name: 'lat' | 'long',
  problems: ParameterProblem[],
): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const limit = name === 'lat' ? 90 : 180;
  const n = /^\s*[-+]?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    problems.push({ description: `${name} must be a WGS-84 decimal degree in [-${limit}, ${limit}]` });
    return undefined;
  }
  return n;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function parsePositive(
  value: string | undefined,
  name: string,
  max: number,
  problems: ParameterProblem[],
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    problems.push({ description: `${name} must be an integer from 1 to ${max}` });
    return undefined;
  }
  return n;
}

export const splitList = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
