// Run by scripts/run-tests.mjs after every test file, when the run included test/engine: no container labelled
// modelarts-image-kit=1 remains after the whole engine suite. A check after the run, so no test file has to sort last.
import { engineOrSkip, assertNoLabelled } from './engine-helpers';

async function main(): Promise<number> {
  const engine = await engineOrSkip();
  if (!engine) {
    process.stderr.write('after the engine tests: container check skipped (no engine)\n');
    return 0;
  }
  const left = await assertNoLabelled(engine);
  if (left.length) {
    process.stderr.write(`after the engine tests: containers labelled modelarts-image-kit=1 remain: ${left.join(' ')}\n`);
    return 1;
  }
  process.stderr.write('after the engine tests: no container labelled modelarts-image-kit=1 remains\n');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`after the engine tests: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
