// Property tests: a rule exception is a failure, not a warning. The check swallows it (one rule's bug must not hide
// the others' findings in the editor), so the tests turn it back into a throw that fast-check reports with its input.
import { after } from 'node:test';
import { onRuleError } from '../../core/rules/isolate';

class RuleCrash extends Error {}

/** From now until the test file ends, a rule that throws makes the check throw RuleCrash. */
export function failOnRuleErrors(): void {
  const off = onRuleError((code, dir, e) => {
    throw new RuleCrash(`rule ${code} failed on ${dir}: ${(e as Error)?.stack ?? String(e)}`);
  });
  after(off);
}

/** Per-run time limit of the property tests: a run slower than this fails (fast-check then prints its seed). */
const RUN_LIMIT_MS = 5_000;

/** Runs one property run, failing it when it took longer than RUN_LIMIT_MS. */
export function timed<T>(what: string, run: () => T): T {
  const t0 = performance.now();
  const out = run();
  const ms = performance.now() - t0;
  if (ms > RUN_LIMIT_MS) throw new Error(`${what} took ${ms.toFixed(0)} ms, over the ${RUN_LIMIT_MS} ms limit of a run`);
  return out;
}
