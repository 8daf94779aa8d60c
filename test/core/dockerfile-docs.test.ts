// Every MA2xx/MA3xx code has a page in docs/rules, and each page's examples are true: the failing example triggers
// the code, the passing example does not and gives no warning or error. Blocks: ```dockerfile -> Dockerfile,
// ```json -> config.json, ```<lang> <name> -> that file; files not shown come from a small default folder. The Chinese
// pages (docs/rules/zh-cn) likewise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../core/rules/catalogue';
import { check, IMAGE_CONFIG } from '../fixtures/dockerfile/harness';
import { ZH_HEADINGS } from '../../scripts/lib/ruleDocs';

const DOCS = path.join(__dirname, '..', '..', 'docs', 'rules');
const codes = RULES.filter((r) => r.family === 'dockerfile' || r.family === 'project').map((r) => r.code);
const DEFAULTS: Record<string, string> = {
  'server.py': 'from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        pass\n' +
    '    def do_POST(self):\n        pass\nHTTPServer(("0.0.0.0", 8080), H).serve_forever()\n',
  'run.sh': '#!/bin/sh\nexec python3 /home/server.py\n',
};

function section(md: string, title: string): Record<string, string> {
  const start = md.indexOf(title);
  assert.ok(start >= 0, title);
  const end = md.indexOf('\n## ', start + 4);
  const text = md.slice(start, end < 0 ? undefined : end);
  const files: Record<string, string> = {};
  for (const m of text.matchAll(/```(\w+)(?: ([\w./-]+))?\n([\s\S]*?)```/g)) {
    const name = m[2] ?? (m[1] === 'dockerfile' ? 'Dockerfile' : m[1] === 'json' ? 'config.json' : '');
    if (name) files[name] = m[3];
  }
  return files;
}

test('the catalogue has the Dockerfile and cross-file codes', () => {
  assert.equal(codes.length, 18);
});

for (const [code, zh] of codes.flatMap((c) => [[c, false], [c, true]] as const)) {
  test(`docs/rules/${zh ? 'zh-cn/' : ''}${code}.md: page and examples`, () => {
    const md = fs.readFileSync(path.join(DOCS, zh ? 'zh-cn' : '', `${code}.md`), 'utf8');
    const heading = (s: string) => (zh ? ZH_HEADINGS[s] : s);
    assert.match(md, new RegExp(`^# ${code}${zh ? '：' : ': '}`));
    for (const s of ['## What it checks', '## Why', '## Failing example', '## Passing example', '## How to fix',
      '## Changing the severity']) assert.ok(md.includes(heading(s)), s);
    assert.ok(md.includes('modelarts.rules'));
    const withDefaults = (f: Record<string, string>) => {
      // Default files only where the Dockerfile copies them (a default server would serve every route).
      const files: Record<string, string> = { ...f };
      for (const [n, t] of Object.entries(DEFAULTS)) if (!(n in files) && (f.Dockerfile ?? '').includes(n)) files[n] = t;
      if (!('config.json' in f)) files['config.json'] = IMAGE_CONFIG;
      return files;
    };
    const bad = check(withDefaults(section(md, heading('## Failing example'))));
    assert.ok(bad.codes.includes(code), `failing example triggers ${code}: ${bad.codes.join(' ')}`);
    const good = check(withDefaults(section(md, heading('## Passing example'))));
    assert.ok(!good.codes.includes(code), `passing example does not trigger ${code}`);
    assert.deepEqual(good.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.code} ${f.message.en}`), []);
  });
}

test('MA204 documents the online/batch decision and the hadolint / BuildKit disagreement', () => {
  const md = fs.readFileSync(path.join(DOCS, 'MA204.md'), 'utf8');
  for (const s of ['modelarts.serviceKind', '# modelarts-service: batch', 'DL3025', 'JSONArgsRecommended']) assert.ok(md.includes(s), s);
});
