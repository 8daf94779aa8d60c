// `modelarts-image test FOLDER --lang zh-cn` on the real engine prints no English word but names (paths, codes, image
// tags, headers, units), for a passing run and for failing ones (MA404, MA405, MA403), on stdout and stderr; and
// `--format json` keeps its field names with the Chinese texts (the built dist/cli.js). Then one real report through
// every face: progress, text, JUnit and the Test Explorer's results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';
import { engineOrSkip, EXAMPLES, FAST, FIXTURES } from './engine-helpers';
import { runConformance } from '../../engine/conformance';
import { formatReportJunit, formatReportText } from '../../engine/format';
import { displayWidth } from '../../engine/reportText';
import { checkResults } from '../../client/src/views/reportModel';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(folder: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [cli, 'test', folder, '--stop-timeout', '2', ...args], { env: { ...process.env, LANG: 'C' } });
    let out = '', err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Names the report may print in Chinese too: the platform, tools, protocol words, signals, Dockerfile keywords, units. */
const NAMES = new Set([
  'ModelArts', 'Docker', 'API', 'HTTP', 'SIGTERM', 'SIGKILL', 'USER', 'CMD', 'FROM', 'COPY', 'RUN', 'GPU', 'CPU', 'Ctrl', 'C',
  'MB', 'KB', 'GB', 'ms', 's', 'MA', 'POST', 'GET', 'Dockerfile',
  // A static finding's code word (MA302: a Flask route's `methods`).
  'methods',
]);

/**
 * The English words of a text outside names. A chunk (between spaces and punctuation) with a path, tag, flag, url,
 * key or number in it (`/ . : - _ = @ " { } [ ] \``, a digit) is a name as a whole; the container's own log lines
 * (the `│` detail lines of a failed check) are its output, not the kit's.
 */
function englishWords(text: string): string[] {
  const words: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s+│ /.test(line) && !/第 \d+ 行|FROM（/.test(line)) continue;
    for (const chunk of line.split(/[\s，。：；（）、！？,;()×✔✘⚠–…│]+|:(?=\s|$)/)) {
      if (!chunk || /[/.:\-_=@"{}[\]`\d]/.test(chunk)) continue;
      for (const w of chunk.match(/[A-Za-z]+/g) ?? []) if (!NAMES.has(w)) words.push(w);
    }
  }
  return words;
}

test('the checker finds English words (so the tests below can fail)', () => {
  assert.deepEqual(englishWords('  ✔ 构建镜像 0.1 s  built in 0.1 s (context: 4 files)'), ['built', 'in', 'context', 'files']);
  assert.deepEqual(englishWords('  ✘ 健康检查 0.5 s：HTTP 503 {"health": "false"} 127.0.0.1:8080 --stop-timeout MA404 online:modelarts-dev'), []);
});

const cases: [string, string, number][] = [
  ['examples/online (passes)', path.join(EXAMPLES, 'online'), 0],
  ['ma404-port-5001 (MA404)', path.join(FIXTURES, 'ma404-port-5001'), 1],
  ['ma405-health-late (MA405)', path.join(FIXTURES, 'ma405-health-late'), 1],
  ['ma403-signal (MA403)', path.join(FIXTURES, 'ma403-signal'), 1],
];

for (const [name, folder, exit] of cases) {
  test(`--lang zh-cn: ${name} prints no English word but names`, async (t) => {
    if (!(await engineOrSkip())) return t.skip('no engine');
    const r = await run(folder, '--lang', 'zh-cn');
    assert.equal(r.code, exit, r.out + r.err);
    assert.match(r.out, /^ModelArts 一致性测试：/);
    assert.match(r.out, exit ? /\n未通过：\d+ 项通过，\d+ 项未通过/ : /\n通过：9 项通过，0 项未通过，1 项跳过/);
    assert.deepEqual(englishWords(r.out + r.err), [], r.out + r.err);
  });
}

test('--lang zh-cn --format json: the same field names, the texts in Chinese; en the English', async (t) => {
  if (!(await engineOrSkip())) return t.skip('no engine');
  const zh = JSON.parse((await run(path.join(FIXTURES, 'ma404-port-5001'), '--lang', 'zh-cn', '--format', 'json')).out);
  const start = zh.checks.find((c: { id: string }) => c.id === 'start');
  assert.deepEqual(Object.keys(start).sort(), ['code', 'details', 'durationMs', 'id', 'message', 'status', 'title']);
  assert.equal(start.title, '在 8080 端口提供服务');
  assert.match(start.message, /^监听在 0\.0\.0\.0:5001，而不是 8080/);
  assert.equal(zh.checks.find((c: { id: string }) => c.id === 'health').message, '容器未提供服务');
  const en = JSON.parse((await run(path.join(FIXTURES, 'ma404-port-5001'), '--lang', 'en', '--format', 'json')).out);
  assert.equal(en.checks.find((c: { id: string }) => c.id === 'start').title, 'Serve on port 8080');
  assert.equal(en.checks.find((c: { id: string }) => c.id === 'health').message, 'the container did not serve');
});

test('one real run, every face in both languages: progress, text, JUnit, Test Explorer results', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const announced: string[] = [];
  const r = await runConformance(path.join(FIXTURES, 'ma404-port-5001'), { ...FAST, engine }, {
    onProgress: (c) => c.status === 'running' && announced.push(c.id),
  });
  // The batch check of an online service is skipped, so never announced as running; the others were.
  assert.equal(r.checks.find((c) => c.id === 'batch')?.status, 'skip');
  assert.ok(!announced.includes('batch'), announced.join(' '));
  assert.deepEqual(announced, r.checks.filter((c) => c.status !== 'skip').map((c) => c.id));
  const zh = formatReportText(r, false, 'zh-cn');
  assert.match(zh, /\n {2}– 批量服务入口和组件 +已跳过：在线服务\n/);
  assert.match(zh, /\n {2}✘ 在 8080 端口提供服务 +\d+\.\d s {2}MA404 监听在 0\.0\.0\.0:5001，而不是 8080/);
  // Columns line up on a terminal: a Chinese character takes two.
  const cols = zh.split('\n').filter((l) => /^ {2}[✔✘⚠] /.test(l)).map((l) => displayWidth(l.slice(0, l.search(/\d+\.\d s/))));
  assert.equal(new Set(cols).size, 1, zh);
  assert.match(formatReportText(r, false, 'en'), /\n {2}✘ Serve on port 8080 +\d+\.\d s {2}MA404 listens on 0\.0\.0\.0:5001, not 8080/);
  const junit = formatReportJunit(r, 'zh-cn');
  assert.match(junit, /<testcase classname="modelarts\.conformance" name="在 8080 端口提供服务" time="[\d.]+">\n {6}<failure type="MA404" message="监听在/);
  const results = checkResults(r, 'zh-cn');
  const start = results.find((c) => c.id === 'start')!;
  assert.equal(start.state, 'failed');
  assert.equal(start.cause, true);
  assert.match(start.message, /^MA404: 监听在 0\.0\.0\.0:5001，而不是 8080；静态检查已发现：MA203/);
  assert.ok(!start.message.includes('\n'), 'the one-line message stays one line');
  assert.ok(start.body.some((l) => /服务监听在 0\.0\.0\.0:5001.*请监听 0\.0\.0\.0:8080。/.test(l)), start.body.join('\n'));
});
