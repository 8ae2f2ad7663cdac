import { QueryFailedError } from 'typeorm';
import { isTransientInfrastructureError } from './transient-errors';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isTransientInfrastructureError', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['an admin shutdown (57P01)', withCode('57P01')],
    ['a connection failure (08006)', withCode('08006')],
    ['a serialization failure', withCode('40001')],
    ['a deadlock', withCode('40P01')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a TypeORM error wrapping a lost connection', new QueryFailedError('SELECT 1', [], withCode('57P01'))],
  ])('%s is transient', (_, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a check violation in TypeORM', new QueryFailedError('INSERT', [], withCode('23514'))],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['not an error at all', 'boom'],
  ])('%s is not', (_, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });
});
