import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Runs a full garbage collection now. Node exposes no `gc()` without its
 * `--expose-gc` flag; V8 gives one to contexts made while the flag is set,
 * which is how Jest's leak detector collects in a running process. The flag
 * is unset again at once so no later context (or page) sees `gc`.
 */
export function fullCollection(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  setFlagsFromString('--no-expose-gc');
  gc();
}
