// Every snippet, inserted as is (placeholders take their defaults), gives no warning or error with the real rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../fixtures/dockerfile/harness';
import { expandSnippet } from '../../client/src/scaffoldFiles';

interface Snippet { prefix: string | string[]; body: string | string[]; description?: string }
const DIR = path.join(__dirname, '..', '..', 'snippets');
const load = (f: string): Record<string, Snippet> => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'));

// The scaffold's expander: an accepted insertion takes defaults and first choices, and resolves escapes.
const expand = expandSnippet;

const dockerfiles = load('dockerfile.json');
const configs = load('config-json.json');
const python = load('python.json');
const shell = load('shellscript.json');
const body = (set: Record<string, Snippet>, prefix: string): string => {
  const s = Object.values(set).find((x) => (Array.isArray(x.prefix) ? x.prefix : [x.prefix]).includes(prefix));
  assert.ok(s, `snippet ${prefix} exists`);
  return expand(s.body);
};

// The files the Dockerfile snippets COPY: the repository's own snippets where there is one.
const FLASK_APP = 'from flask import Flask, jsonify, request\napp = Flask(__name__)\n\n@app.route("/health")\ndef health():\n' +
  '    return jsonify({"health": "true"})\n\n@app.route("/", methods=["POST"])\ndef predict():\n' +
  '    return jsonify({"result": request.get_json().get("data", "")})\n';
const FASTAPI_APP = 'from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/health")\ndef health():\n    return {"health": "true"}\n\n' +
  '@app.post("/")\ndef predict(body: dict):\n    return {"result": str(body.get("data", ""))}\n';
const context = () => ({
  'server.py': body(python, 'modelarts-server'),
  'run.sh': body(shell, 'modelarts-run-sh'),
  'app.py': FLASK_APP,
  'main.py': FASTAPI_APP,
  'requirements.txt': 'flask\nfastapi\n',
});
const problems = (files: Record<string, string>, opts = {}) =>
  check(files, opts).findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.code} ${path.basename(f.file)}:${f.range.start.line + 1} ${f.message.en}`);

test('the expansion helper resolves placeholders, choices and escapes', () => {
  assert.equal(expand(['a ${1:x} ${2|p,q|} $3 \\\\ \\$ ${0}']), 'a x p  \\ $ ');
});

for (const [name, s] of Object.entries(dockerfiles)) {
  test(`Dockerfile snippet "${name}" is clean`, () => {
    const d = expand(s.body);
    const cfg = /batch/i.test(name) ? body(configs, 'modelarts-batch') : body(configs, 'modelarts-online');
    assert.deepEqual(problems({ Dockerfile: d + '\n', 'config.json': cfg, ...context() }), []);
    assert.deepEqual(problems({ Dockerfile: d, 'config.json': cfg, ...context() }), [], 'also without a final newline');
  });
}

for (const [name, s] of Object.entries(configs)) {
  test(`config.json snippet "${name}" is clean`, () => {
    const text = expand(s.body);
    let cfg = text;
    if (!/"model_type"/.test(text)) {
      // A fragment: put it where it belongs in the online skeleton (an apis entry beside the skeleton's one,
      // which moves to /v2 so the two do not collide; the health block in place of the skeleton's).
      const skeleton = JSON.parse(body(configs, 'modelarts-online')) as { apis: Record<string, unknown>[]; health: unknown };
      if (text.startsWith('"health"')) skeleton.health = (JSON.parse(`{${text}}`) as { health: unknown }).health;
      else skeleton.apis = [JSON.parse(text), { ...skeleton.apis[0], url: '/v2' }];
      cfg = JSON.stringify(skeleton, null, 2);
    }
    const d = body(dockerfiles, 'modelarts-online-gunicorn');
    const app = FLASK_APP + '\n@app.route("/v2", methods=["POST"])\ndef v2():\n    return jsonify({})\n';
    assert.deepEqual(problems({ Dockerfile: d, 'config.json': cfg, ...context(), 'app.py': app }), []);
  });
}
