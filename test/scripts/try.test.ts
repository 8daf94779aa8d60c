// `npm run try` as a person runs it: the packaged extension in code-server on examples/, on 127.0.0.1 behind a
// password made for the run. The test reads the printed URL and password, logs in, checks the extension is installed
// and the password is in no file, then presses Ctrl-C (SIGINT) and checks that everything is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';

const { scripts } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** Every file under a folder holding `needle` (code-server's own data: settings, logs, state). */
function filesHolding(dir: string, needle: string): string[] {
  const hits: string[] = [];
  for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const p = path.join(f.parentPath, f.name);
    if (fs.readFileSync(p).includes(needle)) hits.push(p);
  }
  return hits;
}

/** Resolves with what the script printed once it says how to stop it. */
function startedOutput(child: ReturnType<typeof spawn>): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('Ctrl-C stops it.')) resolve(out);
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`npm run try exited (${code}) before it served:\n${out}`)));
  });
}

test('npm run try serves the extension on 127.0.0.1 behind a one-time password, and Ctrl-C removes everything', { timeout: 600_000 }, async () => {
  const [cmd, ...args] = scripts.try.split(' ');
  assert.equal(cmd, 'node');
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  try {
    const out = await startedOutput(child);
    const url = new URL(/URL: +(\S+)/.exec(out)![1]);
    const password = /password: (\S+)/.exec(out)![1];
    const root = /removed when it stops\): (\S+)/.exec(out)![1];
    assert.equal(url.hostname, '127.0.0.1');
    assert.equal(url.searchParams.get('folder'), path.join(repoRoot, 'examples'));
    assert.ok(password.length >= 20, 'a generated password');
    assert.ok(out.includes(`ssh -L ${url.port}:127.0.0.1:${url.port} `), 'how to reach it from another machine without opening the port');

    const anonymous = await fetch(url, { redirect: 'manual' });
    assert.equal(anonymous.status, 302, 'without the password code-server sends to its login page');
    assert.match(anonymous.headers.get('location') ?? '', /login/);
    const login = (pw: string) => fetch(new URL('/login', url), {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ password: pw }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.doesNotMatch((await login('not-' + password)).headers.get('set-cookie') ?? '', /code-server-session=/);
    const ok = await login(password);
    const cookie = /code-server-session=[^;]+/.exec(ok.headers.get('set-cookie') ?? '')?.[0];
    assert.ok(cookie, `the printed password logs in (HTTP ${ok.status})`);
    const page = await fetch(url, { headers: { cookie } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /workbench/);

    assert.ok(fs.readdirSync(path.join(root, 'extensions')).some((d) => /^modelarts-image-kit\.modelarts-image-kit-\d/.test(d)),
      'the .vsix is installed in code-server\'s extensions dir');
    assert.deepEqual(filesHolding(root, password), [], 'the password is written to no file');

    child.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.equal(fs.existsSync(root), false, 'code-server\'s temp folder is removed');
    await assert.rejects(fetch(url), 'nothing answers on the port any more');
  } finally {
    if (child.exitCode === null) child.kill('SIGINT');
    await exited;
  }
});
