import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fullCollection } from '../../src/sites/integration/full-collection.ts';

describe('fullCollection', () => {
  it('collects an object nothing refers to any more, keeps one still referred to, and leaves gc() unexposed', async () => {
    const kept = { payload: new Array(1000).fill('kept') };
    let garbage: object | undefined = { payload: new Array(1000).fill('garbage') };
    const keptRef = new WeakRef(kept);
    const garbageRef = new WeakRef(garbage);
    garbage = undefined;
    // A WeakRef's target is held until the job that made (or last read) it ends: end it before collecting.
    await new Promise((resolve) => setTimeout(resolve, 0));
    fullCollection();
    expect(garbageRef.deref()).toBeUndefined();
    expect(keptRef.deref()).toBe(kept);
    expect('gc' in globalThis).toBe(false);
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
