// MA213: shell text that does not parse (RUN, shell-form CMD/ENTRYPOINT, entry scripts), joined as Docker joins it,
// in the dialect of the SHELL in effect. Each case asserts the code, the exact range and the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { check, ROOT } from '../fixtures/dockerfile/harness';
import type { Finding } from '../../core/types';
import { readable, shellSyntaxError } from '../../core/analysis/shsyntax';

const SERVER = 'from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        pass\n' +
  '    def do_POST(self):\n        pass\nHTTPServer(("0.0.0.0", 8080), H).serve_forever()\n';
const TAIL = 'COPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["python3", "/home/server.py"]\n';
const df = (body: string, tail = TAIL) => `FROM python:3.11-slim\n${body}\n${tail}`;
const run = (dockerfile: string, files: Record<string, string> = {}) => check({ Dockerfile: dockerfile, 'server.py': SERVER, ...files });
const ma213 = (dockerfile: string, files: Record<string, string> = {}): Finding[] => run(dockerfile, files).findings.filter((f) => f.code === 'MA213');
/** [line, character, endLine, endCharacter], 0-based as in LSP. */
const at = (f: Finding) => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];
const one = (dockerfile: string, files: Record<string, string> = {}): Finding => {
  const fs = ma213(dockerfile, files);
  assert.equal(fs.length, 1, fs.map((f) => f.message.en).join('\n'));
  return fs[0];
};

test('valid: heredocs (script body, data body, python body with a shebang)', () => {
  const d = df(`RUN <<EOF
set -euo pipefail
for f in /etc/*.conf; do
  echo "$f"
done
EOF
RUN python3 <<PY > /tmp/out.txt && echo done
print(1)
if True: pass
PY
RUN <<EOF
#!/usr/bin/env python3
import sys
print(sys.version)
EOF
COPY <<EOF /home/app/settings.ini
[server] port = 8080 ( ]
EOF`);
  assert.deepEqual(ma213(d), []);
});

test('valid: continuations with comment lines and empty lines, --mount options, CRLF lines', () => {
  const d = df(`RUN --mount=type=cache,target=/root/.cache/pip apt-get update \\
    # tools for the build; a comment with an "unclosed quote
    && apt-get install -y --no-install-recommends curl \\

    && rm -rf /var/lib/apt/lists/*`);
  assert.deepEqual(ma213(d), []);
  assert.deepEqual(ma213(d.replace(/\n/g, '\r\n')), []);
});

test('valid: the backtick escape directive (backslashes are plain characters to the shell)', () => {
  const d = '# escape=`\n' + df('RUN echo C:\\temp\\ `\n    && if [ -d /tmp ]; then echo "a\\b"; fi');
  assert.deepEqual(ma213(d), []);
});

test('valid: bash-isms of real Dockerfiles under the default /bin/sh -c', () => {
  const d = df(`RUN [[ -n "$HOME" && "$HOME" == /* ]] && source /etc/os-release \\
    && set -o pipefail && pkgs=(curl git) && echo "\${pkgs[@]}" "\${#pkgs[@]}" "\${HOME:-/root}" \\
    && v="$(python3 --version 2>&1 | cut -d' ' -f2)" && echo "$v" \\
    && case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) arch=other ;; esac \\
    && greet() { echo "hi $1"; } && greet "$arch" \\
    && function f { echo "\${HOME//\\//_}"; } && f && echo {1..3} $((1 + 2)) &>/dev/null`);
  assert.deepEqual(ma213(d), []);
});

test('valid: exec-form (JSON) CMD and RUN are not shell; SHELL powershell and cmd are not parsed', () => {
  assert.deepEqual(ma213(df('RUN ["sh", "-c", "if"]', TAIL.replace('CMD ["python3", "/home/server.py"]', 'CMD ["sh", "-c", "if then"]'))), []);
  assert.deepEqual(ma213(df('SHELL ["powershell", "-Command"]\nRUN if ($env:X) { Write-Host "a" }\nSHELL ["/bin/sh", "-c"]')), []);
  assert.deepEqual(ma213(df('SHELL ["cmd", "/S", "/C"]\nRUN if exist C:\\x ( echo a )')), []);
  // Back to a POSIX shell: parsed again.
  assert.equal(ma213(df('SHELL ["pwsh", "-c"]\nRUN if ($x) { }\nSHELL ["/bin/bash", "-c"]\nRUN if true; then echo')).length, 1);
});

test('invalid: `then && \\` as in a published Dockerfile: on the `&&`, en + zh', () => {
  const f = one(df('RUN if [ -n "$X" ]; then && \\\n    echo "$X"; \\\n  fi'));
  assert.deepEqual(at(f), [1, 25, 1, 27]);
  assert.equal(f.severity, 'error');
  assert.equal(f.file, path.join(ROOT, 'Dockerfile'));
  assert.match(f.message.en, /Shell syntax error in RUN: `&&` has no command before it .*`docker build` stops at this step/);
  assert.match(f.message.zh, /RUN 中有 shell 语法错误：`&&` 前面没有命令.*`docker build` 会在这一步/);
});

test('an unchanged instruction moved by an edit above it keeps an exact range (results are cached per text)', () => {
  const body = 'RUN if [ -n "$X" ]; then && \\\n    echo "$X"; \\\n  fi';
  assert.deepEqual(at(one(df(body))), [1, 25, 1, 27]);
  assert.deepEqual(at(one(df('ENV A=1\nENV B=2\n' + body))), [3, 25, 3, 27]);
  assert.deepEqual(at(one(df('  ' + body))), [1, 27, 1, 29]);
});

test('invalid: the position is mapped through continuations and dropped comment lines', () => {
  const f = one(df('RUN apt-get update \\\n    # a comment line\n\n    && for p in a b; echo "$p"; done'));
  // Line 5 (0-based 4): `    && for p in a b; echo "$p"; done`; the error is at `for`.
  assert.deepEqual(at(f), [4, 7, 4, 10]);
  assert.match(f.message.en, /this `for` has no `do` before its commands/);
  assert.match(f.message.zh, /`for` 在循环体前缺少 `do`/);
});

test('invalid: an unclosed quote, on the quote', () => {
  const f = one(df('RUN echo "unclosed \\\n    && echo b'));
  assert.deepEqual(at(f), [1, 9, 1, 10]);
  assert.match(f.message.en, /the quote `"` is never closed/);
  assert.match(f.message.zh, /引号 `"` 没有闭合/);
});

test('invalid: `fi` missing in a heredoc script, on the `if` line of the body', () => {
  const f = one(df('RUN <<EOF\nset -e\nif [ -f /x ]; then\n  echo x\nEOF'));
  assert.deepEqual(at(f), [3, 0, 3, 2]);
  assert.match(f.message.en, /this `if` has no closing `fi`/);
  assert.match(f.message.zh, /`if` 缺少结尾的 `fi`/);
});

test('invalid: UTF-16 columns after Chinese text (the parser counts bytes)', () => {
  const f = one(df('RUN echo "安装依赖" && if'));
  assert.deepEqual(at(f), [1, 19, 1, 21]);
});

test('invalid: a backtick-escape Dockerfile maps its ` continuations', () => {
  const f = one('# escape=`\n' + df('RUN echo a `\n    && && echo b'));
  // Joined: `echo a     && && echo b`; the first `&&` has nothing after it.
  assert.deepEqual(at(f), [3, 4, 3, 6]);
  assert.match(f.message.en, /`&&` has no command after it/);
});

test('invalid: shell-form CMD and ENTRYPOINT say the container cannot start; a CMD ignored by a shell ENTRYPOINT is not', () => {
  const tail = (cmd: string) => TAIL.replace('CMD ["python3", "/home/server.py"]', cmd);
  const f = one(df('RUN true', tail('CMD python3 /home/server.py || (echo failed')));
  assert.deepEqual(at(f), [5, 31, 5, 32]);
  assert.match(f.message.en, /in the CMD command: `\(` is never closed with `\)`; the container exits at start/);
  const e = one(df('RUN true', tail('ENTRYPOINT exec python3 /home/server.py |')));
  assert.match(e.message.en, /in the ENTRYPOINT command: `\|` has no command after it/);
  assert.deepEqual(ma213(df('RUN true', tail('ENTRYPOINT python3 /home/server.py\nCMD if'))), []);
});

test('invalid: a broken run.sh is reported in run.sh itself, linked to the CMD that starts it', () => {
  const d = df('RUN true', 'COPY run.sh /home/run.sh\nCOPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["sh", "/home/run.sh"]\n');
  const f = one(d, { 'run.sh': '#!/bin/bash\nset -e\nwhile true\n  python3 /home/server.py\ndone\n' });
  assert.equal(f.file, path.join(ROOT, 'run.sh'));
  // `while true; python3 ...; done`: the loop body has no `do`, the parser stops at `done`.
  assert.deepEqual(at(f), [4, 0, 4, 4]);
  assert.match(f.message.en, new RegExp(/Shell syntax error in run.sh: this `done` ends no loop /.source +
    /\(is the `do` of a `while` or `for` missing\?\); the container exits at start/.source));
  assert.match(f.message.zh, /run.sh 中有 shell 语法错误：此处的 `done` 没有可结束的循环/);
  assert.equal(f.related?.length, 1);
  assert.equal(f.related![0].file, path.join(ROOT, 'Dockerfile'));
  assert.equal(f.related![0].range.start.line, 6);
  // A python entry script is not judged as shell; a valid run.sh gives nothing.
  assert.deepEqual(ma213(d, { 'run.sh': '#!/usr/bin/env python3\nif x:\n' }), []);
  assert.deepEqual(ma213(d, { 'run.sh': '#!/bin/sh\nexec python3 /home/server.py "$@"\n' }), []);
});

test('invalid: a heredoc COPY entry script is reported inside the Dockerfile body', () => {
  const d = df('COPY <<EOF /home/start.sh\nset -e\ncase "$1" in\n  a) echo a ;;\nEOF',
    'COPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["sh", "/home/start.sh"]\n');
  const f = one(d);
  assert.equal(f.file, path.join(ROOT, 'Dockerfile'));
  assert.deepEqual(at(f), [3, 0, 3, 4]);
  assert.match(f.message.en, /start.sh: this `case` has no closing `esac`/);
});

test('a stage the final image does not need: a warning; a stage it copies from: an error', () => {
  const unused = one(`FROM alpine AS tools\nRUN if true; then echo\nFROM python:3.11-slim\n${TAIL}`);
  assert.equal(unused.severity, 'warning');
  assert.match(unused.message.en, /BuildKit skips it/);
  const used = one(`FROM alpine AS tools\nRUN if true; then echo\nFROM python:3.11-slim\nCOPY --from=tools /etc/os-release /tmp/\n${TAIL}`);
  assert.equal(used.severity, 'error');
});

test('suppression and settings apply', () => {
  const bad = df('# modelarts-ignore MA213\nRUN echo "x');
  assert.deepEqual(ma213(bad), []);
  const off = check({ Dockerfile: df('RUN echo "x'), 'server.py': SERVER }, { rules: { MA213: 'off' } });
  assert.deepEqual(off.findings.filter((f) => f.code === 'MA213'), []);
});

test('the parser wrapper: dialects, caching, messages for every pattern it rewrites', () => {
  assert.equal(shellSyntaxError('echo ok'), undefined);
  const e = shellSyntaxError('echo a;;');
  assert.equal(e?.offset, 6);
  assert.equal(shellSyntaxError('echo a;;'), e, 'the second parse of the same text is the cached result');
  assert.equal(shellSyntaxError('a=(1 2); echo ${a[1]}', 'mksh'), undefined);
  for (const [text, en] of [
    ['&& can only immediately follow a statement', /`&&` has no command before it/],
    ['| must be followed by a statement', /`\|` has no command after it/],
    ['reached EOF without matching ${ with }', /`\$\{` is never closed with `\}`/],
    ['"done" can only be used to end a loop', /this `done` ends no loop/],
    ['"fi" can only be used to end an if', /this `fi` closes no `if`/],
    ['"if" must be followed by a statement list', /`if` has no commands after it/],
    ["unclosed here-document 'EOF'", /`<<EOF` has no closing line `EOF`/],
    ['something new', /^something new$/],
  ] as const) {
    const r = readable(text);
    assert.match(r.en, en);
    assert.ok(r.zh.length > 0 && r.zh !== r.en, text);
  }
});
