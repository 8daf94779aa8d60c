// In-process validation figures: our config rules vs vscode-json-languageservice (with our schema), and our
// Dockerfile + project rules vs dockerfile-utils `validate`, on the same deterministic inputs, alternating runs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validate as dockerfileUtilsValidate } from 'dockerfile-utils';
import { contextFor, finalize } from '../core/check';
import { configRules } from '../core/rules/config';
import { defaultOptions, type RawFinding } from '../core/types';
import { dockerfileRules } from '../core/rules/dockerfile';
import { projectRules } from '../core/rules/project';
import { configOfSize, contextFiles, dockerfileOfLines, memFiles, repo, typicalConfig } from './inputs';
import { parseDockerfile } from '../core/parse/dockerfile';
import { parseDeploy } from '../core/parse/config';
import { figure, installedVersion, median, type Figure } from './figures';

const DIR = '/bench/model';

/** Runs both sides alternately: warm-up, then until `budgetMs` per side is spent (at least `min` runs). */
async function compare(
  ours: () => unknown, peer: () => unknown, budgetMs = 1500, min = 7, warm = 3,
): Promise<{ ours: number; peer: number; n: number }> {
  for (let i = 0; i < warm; i++) {
    ours();
    await peer();
  }
  const a: number[] = [];
  const b: number[] = [];
  let spentA = 0;
  let spentB = 0;
  const time = async (f: () => unknown): Promise<number> => {
    const t = performance.now();
    await f();
    return performance.now() - t;
  };
  while (a.length < min || (spentA < budgetMs && spentB < budgetMs && a.length < 500)) {
    // Who runs first alternates: neither side always meets the other's garbage or a cold cache.
    const oursFirst = a.length % 2 === 0;
    const first = await time(oursFirst ? ours : peer);
    const second = await time(oursFirst ? peer : ours);
    const [da, db] = oursFirst ? [first, second] : [second, first];
    a.push(da);
    b.push(db);
    spentA += da;
    spentB += db;
  }
  return { ours: median(a), peer: median(b), n: a.length };
}

export async function configFigures(log: (s: string) => void = () => undefined): Promise<Figure[]> {
  const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas', 'config.schema.json'), 'utf8'));
  const ls = getLanguageService({});
  ls.configure({ validate: true, allowComments: false, schemas: [{ uri: 'file:///bench/config.schema.json', fileMatch: ['*config.json'], schema }] });
  const out: Figure[] = [];
  const inputs: [string, string][] = [
    ['typical', typicalConfig()],
    ['16 KB', configOfSize(16 * 1024)],
    ['313 KB', configOfSize(313 * 1024)],
  ];
  for (const [label, text] of inputs) {
    const configPath = `${DIR}/config.json`;
    const files = memFiles({ [configPath]: text });
    const folder = { dir: DIR, configPath };
    const opts = defaultOptions();
    let ourCount = 0;
    let peerCount = 0;
    // Both sides parse the text afresh every run, as after an edit, and check config.json alone: the config rules
    // (syntax, schema, semantics) against the schema validation; the folder rules (MA3xx) are not the peer's work.
    const r = await compare(
      () => {
        const ctx = contextFor(folder, opts, files);
        ourCount = finalize(configRules.flatMap((rule) => rule(ctx)), ctx).length;
      },
      async () => {
        const doc = TextDocument.create(`file://${configPath}`, 'json', 1, text);
        peerCount = (await ls.doValidation(doc, ls.parseJSONDocument(doc))).length;
      },
    );
    log(`config ${label}: ours ${r.ours.toFixed(3)} ms (${ourCount} findings), json-languageservice ${r.peer.toFixed(3)} ms (${peerCount}), n=${r.n}`);
    out.push(figure({
      name: `config.json validation, ${label}`,
      ours: r.ours,
      peer: r.peer,
      peerName: `vscode-json-languageservice ${installedVersion('vscode-json-languageservice')} doValidation (our schema)`,
      unit: 'ms',
      goal: 'ratio <= 0.5',
      note: `${text.length} bytes, median of ${r.n} alternating runs; the config rules (MA100-MA119) on config.json alone`,
    }));
  }
  return out;
}

export async function dockerfileFigures(log: (s: string) => void = () => undefined): Promise<Figure[]> {
  const out: Figure[] = [];
  const configPath = `${DIR}/config.json`;
  const dockerfilePath = `${DIR}/Dockerfile`;
  const config = typicalConfig();
  for (const lines of [14, 1200, 8000]) {
    const text = dockerfileOfLines(lines);
    const files = memFiles({ [configPath]: config, [dockerfilePath]: text, ...contextFiles(DIR) });
    const folder = { dir: DIR, configPath, dockerfilePath };
    const opts = defaultOptions();
    // The config is parsed once (a cached parse, as in the server after a Dockerfile edit); the Dockerfile afresh.
    const configDoc = contextFor(folder, opts, files).config!;
    const cache = { config: () => configDoc, dockerfile: parseDockerfile, deploy: parseDeploy };
    let ourCount = 0;
    let peerCount = 0;
    const r = await compare(
      () => {
        const ctx = contextFor(folder, opts, files, cache);
        const raw: RawFinding[] = [];
        for (const rule of [...dockerfileRules, ...projectRules]) raw.push(...rule(ctx));
        ourCount = finalize(raw, ctx).length;
      },
      () => (peerCount = dockerfileUtilsValidate(text).length),
    );
    log(`Dockerfile ${lines} lines: ours ${r.ours.toFixed(3)} ms (${ourCount} findings), dockerfile-utils ${r.peer.toFixed(3)} ms (${peerCount}), n=${r.n}`);
    out.push(figure({
      name: `Dockerfile validation, ${lines} lines`,
      ours: r.ours,
      peer: r.peer,
      peerName: `dockerfile-utils ${installedVersion('dockerfile-utils')} validate`,
      unit: 'ms',
      goal: 'ratio <= 1.0',
      note: `${text.length} bytes, median of ${r.n} alternating runs; all Dockerfile + project rules, Dockerfile parsed each run`,
    }));
  }
  return out;
}
