/**
 * The worker thread of page-outlines.ts: reads the handbook and docs pages of
 * a content root (the same files the loader lists), outlines their bodies,
 * and answers once. It always answers, with whatever it managed: the
 * validator's thread outlines anything missing itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import type { OutlineAnswer, OutlineRequest } from './page-outlines.ts';

const { root, overrides, port, done } = workerData as OutlineRequest;
const answer: OutlineAnswer = new Map();
try {
  // Loaded inside the try, so that even a failure to load is answered.
  const { globSync } = await import('tinyglobby');
  const { outlineOf } = await import('./links.ts');
  const { splitFrontmatter } = await import('./source.ts');
  for (const [folder, pattern] of [['handbook', '**/*.mdx'], ['docs', '*.mdx']] as const) {
    const base = path.join(root, folder);
    for (const name of globSync(pattern, { cwd: base })) {
      const file = path.join(base, name);
      const split = splitFrontmatter(overrides?.get(file) ?? readFileSync(file, 'utf8'));
      if (split.ok) answer.set(file, { body: split.body, outline: outlineOf(split.body) });
    }
  }
} catch {
  // Nothing to report from here: what is not in the answer gets outlined by the validator's thread.
} finally {
  port.postMessage(answer);
  const flag = new Int32Array(done);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
