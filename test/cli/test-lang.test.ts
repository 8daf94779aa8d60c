// The CLI's `test` and `push` speak the chosen language before any engine answers: usage errors (ours and node's
// parseArgs'), and the engine errors (no engine answers), with `--lang` or the locale (LC_ALL, LC_MESSAGES, LANG).
// Runs the built dist/cli.js; no engine is needed (--host points nowhere).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const folder = path.join(repoRoot, 'examples/online');
const NOWHERE = 'unix:///no/such/engine.sock';
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8', env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env }, timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test('usage errors of test in Chinese with --lang zh-cn, English without', () => {
  const zh = run(['test', folder, '--port', '0', '--lang', 'zh-cn']);
  assert.equal(zh.code, 2, zh.err);
  assert.equal(zh.err, 'modelarts-image: --port 需要 1 到 65535 之间的端口，而不是 "0"\n运行 "modelarts-image --help" 查看用法。\n');
  const en = run(['test', folder, '--port', '0']);
  assert.equal(en.err, 'modelarts-image: --port expects a port from 1 to 65535, not "0"\nRun "modelarts-image --help" for usage.\n');
  // The locale decides when --lang is not given; --lang=X is read too.
  assert.match(run(['test', folder, '--memory', 'lots'], { LANG: 'zh_CN.UTF-8' }).err, /^modelarts-image: --memory 需要至少 6m 的大小/);
  assert.match(run(['test', folder, '--cloud=aws', '--lang=zh-cn']).err, /^modelarts-image: --cloud 只能是 huaweicloud 或 otc，而不是 "aws"/);
  assert.match(run(['test', '--lang', 'zh-cn']).err, /^modelarts-image: test 只接受一个 FOLDER/);
});

test('node\'s parseArgs errors and a bad --lang are told in Chinese too', () => {
  const unknown = run(['test', folder, '--no-such-flag', '--lang', 'zh-cn']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /^modelarts-image: 未知选项 --no-such-flag\n运行 "modelarts-image --help" 查看用法。\n$/);
  const lang = run(['test', folder, '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' });
  assert.match(lang.err, /^modelarts-image: --lang 只能是 en 或 zh-cn，而不是 "fr"/);
});

test('no engine: the error in the chosen language, JSON keeps its shape', () => {
  const zh = run(['test', folder, '--host', NOWHERE, '--lang', 'zh-cn']);
  assert.equal(zh.code, 3, zh.err);
  assert.match(zh.err, /^modelarts-image test: 没有可用的容器引擎。已尝试：\n {2}- unix:\/\/\/no\/such\/engine\.sock（[^)]+）：/);
  assert.match(zh.err, /请启动 Docker/);
  assert.doesNotMatch(zh.err, /No container engine answers|Start Docker/);
  const json = JSON.parse(run(['test', folder, '--host', NOWHERE, '--lang', 'zh-cn', '--format', 'json']).out);
  assert.equal(json.passed, false);
  assert.match(json.error, /^没有可用的容器引擎/);
  const en = run(['test', folder, '--host', NOWHERE]);
  assert.match(en.err, /^modelarts-image test: No container engine answers\. Tried:/);
});

test('push: usage and engine errors in Chinese', () => {
  const usage = run(['push', folder, '--format', 'xml', '--lang', 'zh-cn']);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /^modelarts-image: --format 只能是 text 或 json，而不是 "xml"/);
  const creds = run(['push', folder, '--to', '127.0.0.1:5999/org/repo:1', '--username', 'u', '--lang', 'zh-cn']);
  assert.match(creds.err, /^modelarts-image: --username 需要同时给出 --password-stdin（密码不从命令行读取）/);
  const engine = run(['push', folder, '--to', '127.0.0.1:5999/org/repo:1', '--host', NOWHERE, '--lang', 'zh-cn'], { DOCKER_CONFIG: '/nonexistent' });
  assert.equal(engine.code, 3, engine.err);
  assert.match(engine.err, /^modelarts-image push: 没有可用的容器引擎。已尝试：/);
});

test('--help of test and push in Chinese names every flag the English help names', () => {
  for (const cmd of ['test', 'push']) {
    const en = run([cmd, '--help']).out, zh = run([cmd, '--help', '--lang', 'zh-cn']).out;
    assert.match(zh, new RegExp(`^用法：modelarts-image ${cmd} FOLDER \\[选项\\]\\n`));
    const flags = (s: string) => [...new Set(s.match(/--[a-z][a-z-]*/g))].sort();
    assert.ok(flags(en).length > 8, en);
    assert.deepEqual(flags(zh), flags(en), cmd);
  }
});
