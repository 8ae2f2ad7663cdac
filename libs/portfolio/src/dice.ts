import { SeededRandom } from '@banjie/domain';

/** FNV-1a: a stable 32-bit number for a string. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) value = Math.imul(value ^ byte, 0x01000193) >>> 0;
  return value;
}

/**
 * Deterministic chance for one subject (e.g. one procedure of one project): seeded by the
 * subject's key, so what happens to one procedure does not depend on how many others came first.
 */
export class Dice {
  private readonly random: SeededRandom;

  constructor(key: string) {
    this.random = new SeededRandom(hash(key));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.random.next();
  }

  /** A whole number from lo to hi, both included (lo when hi < lo). */
  int(lo: number, hi: number): number {
    return hi <= lo ? lo : lo + Math.floor(this.random.next() * (hi - lo + 1));
  }

  chance(probability: number): boolean {
    return this.random.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }

  /** Roughly normal, mean 0 and standard deviation 1 (Irwin–Hall: the sum of 12 uniforms, minus 6). */
  normal(): number {
    let sum = 0;
    for (let i = 0; i < 12; i += 1) sum += this.random.next();
    return sum - 6;
  }
}
