// Placeholder until the engine's `test` command lands: says so instead of failing obscurely.
export async function runTestCommand(_argv: string[]): Promise<number> {
  process.stderr.write('modelarts-image test: not available in this build\n');
  return 2;
}
