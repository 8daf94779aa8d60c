// `modelarts-image check` as a user runs it: the built dist/cli.js in a child process.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { tempFolder, removeFolder, repoRoot } from '../helpers/tmp';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (args: string[], cwd = repoRoot) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const broken = JSON.stringify(
  {
    model_type: 'Image',
    apis: [{ procotol: 'http', url: '/', method: 'post', request: { 'Content-type': 'application/json', data: { type: 'object' } },
      response: { 'Content-type': 'application/json', data: { type: 'object' } } }],
    health: { url: '/health', protocol: 'http' },
  },
  null,
  2,
);
const dirs: string[] = [];
const folder = (files: Record<string, string>) => {
  const d = tempFolder(files);
  dirs.push(d);
  return d;
};
after(() => dirs.forEach(removeFolder));

test('the bundled examples check clean: exit 0, one JSON object, no error or warning', () => {
  const r = run(['check', 'examples', '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const parsed = JSON.parse(r.out);
  assert.deepEqual(Object.keys(parsed), ['findings']);
  assert.ok(Array.isArray(parsed.findings));
  assert.deepEqual(parsed.findings.filter((f: { severity: string }) => f.severity === 'error' || f.severity === 'warning'), []);
});

test('json: a missing model_algorithm and a misspelled key give MA101 and MA104, 1-based, exit 1', () => {
  const d = folder({ 'config.json': broken });
  const r = run(['check', d, '--format', 'json']);
  assert.equal(r.code, 1, r.err);
  const { findings } = JSON.parse(r.out);
  const codes = findings.map((f: { code: string }) => f.code);
  assert.ok(codes.includes('MA101'), codes.join(','));
  const typo = findings.find((f: { code: string }) => f.code === 'MA104');
  assert.ok(typo, 'MA104 for procotol');
  // "procotol" sits on line 5 (1-based) of the pretty-printed file, after 6 spaces: column 7.
  assert.equal(typo.line, 5);
  assert.equal(typo.column, 7);
  assert.equal(typo.endLine, 5);
  assert.equal(typo.endColumn, 7 + '"procotol"'.length);
  assert.equal(typo.file, path.join(d, 'config.json'));
  for (const f of findings) {
    assert.deepEqual(Object.keys(f).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.match(f.severity, /^(error|warning|info|hint)$/);
    assert.ok(f.message.length > 10);
  }
});

test('text: one line per finding with path:line:col, then a summary; exit 1 on error', () => {
  const d = folder({ 'config.json': broken });
  const r = run(['check', d]);
  assert.equal(r.code, 1);
  assert.match(r.out, /config\.json:5:7: warning MA104 /);
  assert.match(r.out, /1 model folder checked: [1-9]\d* errors?, /);
});

test('sarif: version 2.1.0, rules with help links, results with regions and levels', () => {
  const d = folder({ 'config.json': broken });
  const r = run(['check', d, '--format', 'sarif']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.out);
  assert.equal(log.version, '2.1.0');
  const run0 = log.runs[0];
  assert.equal(run0.tool.driver.name, 'modelarts-image');
  const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'MA104');
  assert.match(rule.helpUri, /docs\/rules\/MA104\.md$/);
  const zh = JSON.parse(run(['check', d, '--format', 'sarif', '--lang', 'zh-cn']).out).runs[0].tool.driver.rules;
  assert.match(zh.find((x: { id: string }) => x.id === 'MA104').helpUri, /docs\/rules\/zh-cn\/MA104\.md$/, 'the Chinese page under --lang zh-cn');
  const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'MA104');
  assert.equal(res.level, 'warning');
  assert.equal(run0.tool.driver.rules[res.ruleIndex].id, 'MA104');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 5, startColumn: 7, endLine: 5, endColumn: 17 });
});

test('--rule turns a rule off or changes its severity; warnings alone exit 0', () => {
  const d = folder({ 'config.json': broken });
  const off = JSON.parse(run(['check', d, '--format', 'json', '--rule', 'MA101=off']).out).findings;
  assert.ok(!off.some((f: { code: string }) => f.code === 'MA101'));
  const r = run(['check', d, '--format', 'json', '--rule', 'MA101=warning,MA104=error']);
  const fs2 = JSON.parse(r.out).findings;
  assert.equal(fs2.find((f: { code: string }) => f.code === 'MA104').severity, 'error');
  assert.ok(fs2.filter((f: { code: string }) => f.code === 'MA101').every((f: { severity: string }) => f.severity === 'warning'));
  const onlyTypo = folder({ 'config.json': broken.replace('"model_type"', '"model_algorithm": "demo",\n  "model_type"') });
  const w = run(['check', onlyTypo, '--format', 'json']);
  assert.ok(JSON.parse(w.out).findings.some((f: { code: string }) => f.code === 'MA104'));
  assert.equal(w.code, 0, 'a warning alone does not fail the run');
});

test('--lang zh-cn prints Chinese messages', () => {
  const d = folder({ 'config.json': broken });
  const { findings } = JSON.parse(run(['check', d, '--format', 'json', '--lang', 'zh-cn']).out);
  assert.ok(findings.length > 0);
  for (const f of findings) assert.match(f.message, /[\u4e00-\u9fff]/, f.message);
  assert.ok(findings.every((f: { severity: string }) => /^(error|warning|info|hint)$/.test(f.severity)), 'JSON keeps the English severity value');
  const text = run(['check', d, '--lang', 'zh-cn']).out;
  assert.match(text, /:\d+:\d+: (错误|警告|信息|提示) MA1\d\d /, text);
  assert.doesNotMatch(text, /: (error|warning|info|hint) +MA/, text);
});

test('an unrelated config.json gets no finding and a note on stderr', () => {
  const d = folder({ 'config.json': '{"compilerOptions": {"strict": true}}' });
  const r = run(['check', d, '--format', 'json']);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.out).findings, []);
  assert.match(r.err, /No ModelArts model folder/);
});

test('bad usage exits 2 with a message', () => {
  for (const args of [['check'], ['check', 'examples', '--format', 'xml'], ['check', 'no/such/path'], ['check', 'examples', '--bogus'], ['frobnicate'],
    ['check', 'examples', '--rule', 'MA1=loud'], ['check', 'examples', '--profile', 'v3']]) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}`);
    assert.match(r.err, /modelarts-image: /);
  }
});

test('the deployment file: its findings in the report (folder or the file itself), and its port under --profile current', () => {
  const d = folder({
    'config.json': JSON.stringify({ model_algorithm: 'm', model_type: 'Image' }),
    Dockerfile: 'FROM python:3.11-slim\nCOPY server.py /s.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["python3", "/s.py"]\n',
    'server.py': 'from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        pass\n'
      + 'HTTPServer(("0.0.0.0", 8080), H).serve_forever()\n',
    'modelarts-deploy.json': '{\n  // set in the console\n  "port": 9000,\n  "probes": { "startup": { "period_seconds": 0 } },\n}\n',
  });
  const deploy = path.join(d, 'modelarts-deploy.json');
  const findingsOf = (args: string[]) => {
    const r = run(['check', ...args, '--format', 'json']);
    return { code: r.code, findings: JSON.parse(r.out).findings as { file: string; code: string; line: number; column: number; message: string }[] };
  };
  const seed = findingsOf([d]);
  assert.equal(seed.code, 1);
  const ma121 = seed.findings.filter((f) => f.code === 'MA121');
  assert.deepEqual(ma121.map((f) => [f.file, f.line, f.column]), [[deploy, 4, 46]]);
  assert.ok(!seed.findings.some((f) => f.code === 'MA203'), 'seed-2021: the server on 8080 is right');
  const current = findingsOf([d, '--profile', 'current']);
  const ma203 = current.findings.find((f) => f.code === 'MA203');
  assert.ok(ma203, JSON.stringify(current.findings.map((f) => f.code)));
  assert.match(ma203.message, /port 9000 \(the deployment file sets port 9000\)/);
  // The deployment file as the PATH: its folder is checked.
  assert.deepEqual(findingsOf([deploy]).findings.filter((f) => f.code === 'MA121').length, 1);
  // Broken: one MA120, exit 1; alone in a folder: no model folder, nothing reported.
  const broken = folder({ 'config.json': JSON.stringify({ model_algorithm: 'm', model_type: 'Image' }), 'modelarts-deploy.json': '{"port": 9000' });
  assert.deepEqual(findingsOf([broken]).findings.filter((f) => /^MA12/.test(f.code)).map((f) => f.code), ['MA120']);
  const lone = folder({ 'modelarts-deploy.json': '{"port": -1}' });
  assert.deepEqual(findingsOf([path.join(lone, 'modelarts-deploy.json')]).findings, []);
});
