// `npm run bench`: every figure of the speed goals, ours next to the peers measured in the same run, printed as a
// table and written to bench/results.json. Nothing here asserts; a missed goal shows as "NO" in the `met` column.
// Usage: node --expose-gc --import tsx bench/run.ts [validation] [check] [servers] [engine] [--quick]
//   (no section names: all of them; --quick: fewer runs, 200 folders, a 256 MB folder; under 2 minutes, nothing written)
import { table, writeResults, resultsPath, type Figure } from './figures';
import { configFigures, dockerfileFigures } from './validation';
import { serverFigures } from './servers';
import { engineFigures } from './engine-figures';
import { checkFigures } from './check-figures';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const sections = args.filter((a) => !a.startsWith('--'));
  const want = (s: string) => !sections.length || sections.includes(s);
  const log = (s: string) => console.error(`  ${s}`);
  const figs: Figure[] = [];
  if (want('validation')) {
    console.error('validation (in process)');
    figs.push(...(await configFigures(log)), ...(await dockerfileFigures(log)));
  }
  if (want('check')) {
    console.error('check of many model folders (CLI, spawned)');
    figs.push(...(await checkFigures(log, quick ? { runs: 1, folders: 200 } : {})));
  }
  if (want('servers')) {
    console.error('language servers (spawned)');
    figs.push(...(await serverFigures(log, quick ? { initRuns: 3, edits: 20, rssEdits: 300 } : {})));
  }
  if (want('engine')) {
    console.error('engine');
    try {
      figs.push(...(await engineFigures(log, quick ? { runs: 1, totalMB: 256 } : {})));
    } catch (e) {
      // No engine: say so and keep the other figures (results.json keeps the last engine figures measured).
      console.error(`  engine figures skipped: ${(e as Error).message} (start one with npm run engine:up)`);
    }
  }
  console.log(table(figs));
  if (!quick) {
    writeResults(figs);
    console.error(`written ${resultsPath}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
