import { existsSync, opendirSync, type Dir } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { outlineOf, type BodyOutline } from './links.ts';

/**
 * Outlines (links and anchors) of page bodies, for the `handbook-link` rule.
 *
 * Parsing MDX is slow to start: loading the parser and warming it up costs
 * as much as reading a few thousand feature pages. For a large content root,
 * `validateRoot` therefore has the handbook and docs bodies outlined on a
 * worker thread while this thread reads and checks the features, and the
 * rule picks the outlines up when it gets to them. A worker's outline is only
 * used for the very body text the loader read; any other body (a file that
 * changed in between, an override, a feature page, a worker that failed) is
 * outlined on this thread, so the findings never depend on the worker.
 */
export interface PageOutlines {
  /** The outline of `body`, the body of the page file at `file` (absolute path); undefined when it is not valid MDX. */
  outline(file: string, body: string): BodyOutline | undefined;
}

/** Outlines every body on this thread, when asked. */
export const outlinesHere: PageOutlines = { outline: (_file, body) => outlineOf(body) };

export interface OutlineOptions {
  overrides?: ReadonlyMap<string, string> | undefined;
  /**
   * Fewer feature files than this and the bodies are outlined on this thread:
   * there is too little other work to hide the worker behind. Measured on two
   * cores: no gain at 3,000 features, 30-40 ms at 5,000 and 10,000.
   */
  minFeatures?: number | undefined;
}

/** What the worker is given, and what it answers: body text and outline by absolute path. */
export interface OutlineRequest {
  root: string;
  overrides: ReadonlyMap<string, string> | undefined;
  port: MessagePort;
  /** An Int32 the worker sets to 1 once its answer is on `port`. */
  done: SharedArrayBuffer;
}
export type OutlineAnswer = Map<string, { body: string; outline: BodyOutline | undefined }>;

const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'page-outlines-worker.ts');

/** Normally a fraction of a second; past this, the bodies are outlined here instead. */
const WAIT_MS = 20_000;

/** Outlines that may come from a worker thread. */
export interface StartedOutlines extends PageOutlines {
  /** How many outlines so far were the worker's (the rest were worked out on this thread). */
  readonly fromWorker: number;
}

/** Starts outlining the handbook and docs bodies of `root` (absolute) on a worker thread, when that can pay off. */
export function startPageOutlines(root: string, options: OutlineOptions = {}): StartedOutlines {
  const minFeatures = options.minFeatures ?? 5000;
  // When bundled (the sites), the worker's file is not beside this module: outline here.
  if (os.availableParallelism() < 2 || !existsSync(workerFile) || !hasFeatureFiles(root, minFeatures)) return { ...outlinesHere, fromWorker: 0 };
  const { port1, port2 } = new MessageChannel();
  const done = new SharedArrayBuffer(4);
  const request: OutlineRequest = { root, overrides: options.overrides, port: port2, done };
  // A thread's compile cache (scripts/*.ts turn it on) is not its workers'; the environment variable
  // is. It names the folder that holds getCompileCacheDir()'s per-version folder.
  const compileCache = module.getCompileCacheDir();
  const env = compileCache === undefined ? process.env : { ...process.env, NODE_COMPILE_CACHE: path.dirname(compileCache) };
  const worker = new Worker(workerFile, { workerData: request, transferList: [port2], env });
  // The worker never keeps the process alive: if nobody asks for its answer, it is not waited for.
  worker.unref();
  let answer: OutlineAnswer | undefined;
  let fromWorker = 0;
  return {
    get fromWorker() {
      return fromWorker;
    },
    outline(file, body) {
      if (!answer) {
        // The rules are synchronous, so this thread sleeps until the worker has answered (usually it already has).
        Atomics.wait(new Int32Array(done), 0, 0, WAIT_MS);
        answer = (receiveMessageOnPort(port1)?.message as OutlineAnswer | undefined) ?? new Map();
        port1.close();
        void worker.terminate();
      }
      const outlined = answer.get(file);
      if (outlined === undefined || outlined.body !== body) return outlineOf(body);
      fromWorker++;
      return outlined.outline;
    },
  };
}

/** Whether `features/` holds at least `count` entries, read only that far into a large folder. */
function hasFeatureFiles(root: string, count: number): boolean {
  let folder: Dir;
  try {
    folder = opendirSync(path.join(root, 'features'));
  } catch {
    return count <= 0;
  }
  try {
    let seen = 0;
    while (seen < count && folder.readSync() !== null) seen++;
    return seen >= count;
  } finally {
    folder.closeSync();
  }
}
