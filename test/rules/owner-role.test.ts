import { describe, it } from 'vitest';
import { theme } from './expect.ts';

const people = theme('people');

describe('owner-role', () => {
  it('passes a feature owned by an engineer', () => {
    people.expectClean('features/owner-role-pass.mdx');
  });

  it('reports an owner without role engineer, naming the engineers who could own it', () => {
    people.expectExactly('features/owner-role-fail.mdx', [
      { rule: 'owner-role', line: 4, column: 8, message: ["Kelly O'Brien", 'engineer'], hint: ['dana-lee, marco-rossi', 'kelly-obrien'] },
    ]);
  });
});
