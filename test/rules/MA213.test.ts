// MA213: shell text that does not parse (RUN, shell-form CMD/ENTRYPOINT, entry scripts), joined as Docker joins it,
// in the dialect of the SHELL in effect. Each invalid case asserts the exact range and the message.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ruleTester } from '../helpers/ruleTester';
import { check, ROOT } from '../fixtures/dockerfile/harness';
import type { Finding } from '../../core/types';

const SERVER = 'from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        pass\n'
  + '    def do_POST(self):\n        pass\nHTTPServer(("0.0.0.0", 8080), H).serve_forever()\n';
const TAIL = 'COPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["python3", "/home/server.py"]\n';
const df = (body: string, tail = TAIL) => `FROM python:3.11-slim\n${body}\n${tail}`;
const files = (dockerfile: string, extra: Record<string, string> = {}) => ({ Dockerfile: dockerfile, 'server.py': SERVER, ...extra });
/** [line, character, endLine, endCharacter], 0-based as in LSP. */
const at = (f: Finding) => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];
const tail = (cmd: string) => TAIL.replace('CMD ["python3", "/home/server.py"]', cmd);
const RUN_SH = df('RUN true', 'COPY run.sh /home/run.sh\nCOPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["sh", "/home/run.sh"]\n');
const THEN_AND = 'RUN if [ -n "$X" ]; then && \\\n    echo "$X"; \\\n  fi';

const HEREDOCS = df(`RUN <<EOF
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
const CONTINUATIONS = df(`RUN --mount=type=cache,target=/root/.cache/pip apt-get update \\
    # tools for the build; a comment with an "unclosed quote
    && apt-get install -y --no-install-recommends curl \\

    && rm -rf /var/lib/apt/lists/*`);
const BASHISMS = df(`RUN [[ -n "$HOME" && "$HOME" == /* ]] && source /etc/os-release \\
    && set -o pipefail && pkgs=(curl git) && echo "\${pkgs[@]}" "\${#pkgs[@]}" "\${HOME:-/root}" \\
    && v="$(python3 --version 2>&1 | cut -d' ' -f2)" && echo "$v" \\
    && case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) arch=other ;; esac \\
    && greet() { echo "hi $1"; } && greet "$arch" \\
    && function f { echo "\${HOME//\\//_}"; } && f && echo {1..3} $((1 + 2)) &>/dev/null`);
const BACKTICK_ESCAPE = '# escape=`\n' + df('RUN echo C:\\temp\\ `\n    && if [ -d /tmp ]; then echo "a\\b"; fi');
const HEREDOC_SCRIPT = df('COPY <<EOF /home/start.sh\nset -e\ncase "$1" in\n  a) echo a ;;\nEOF',
  'COPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["sh", "/home/start.sh"]\n');

ruleTester('MA213', {
  valid: [
    { name: 'heredocs (script body, data body, python body with a shebang)', files: files(HEREDOCS) },
    { name: 'continuations with comment lines and empty lines, --mount options', files: files(CONTINUATIONS) },
    { name: 'the same with CRLF lines', files: files(CONTINUATIONS.replace(/\n/g, '\r\n')) },
    { name: 'the backtick escape directive (backslashes are plain characters to the shell)', files: files(BACKTICK_ESCAPE) },
    { name: 'bash-isms of real Dockerfiles under the default /bin/sh -c', files: files(BASHISMS) },
    { name: 'exec-form (JSON) CMD and RUN are not shell', files: files(df('RUN ["sh", "-c", "if"]', tail('CMD ["sh", "-c", "if then"]'))) },
    {
      name: 'SHELL powershell is not parsed',
      files: files(df('SHELL ["powershell", "-Command"]\nRUN if ($env:X) { Write-Host "a" }\nSHELL ["/bin/sh", "-c"]')),
    },
    { name: 'SHELL cmd is not parsed', files: files(df('SHELL ["cmd", "/S", "/C"]\nRUN if exist C:\\x ( echo a )')) },
    { name: 'a CMD ignored by a shell-form ENTRYPOINT', files: files(df('RUN true', tail('ENTRYPOINT python3 /home/server.py\nCMD if'))) },
    { name: 'a python entry script is not judged as shell', files: files(RUN_SH, { 'run.sh': '#!/usr/bin/env python3\nif x:\n' }) },
    { name: 'a valid run.sh', files: files(RUN_SH, { 'run.sh': '#!/bin/sh\nexec python3 /home/server.py "$@"\n' }) },
  ],
  invalid: [
    {
      name: 'back to a POSIX shell after SHELL pwsh: parsed again',
      files: files(df('SHELL ["pwsh", "-c"]\nRUN if ($x) { }\nSHELL ["/bin/bash", "-c"]\nRUN if true; then echo')),
      count: 1,
    },
    {
      name: '`then && \\` as in a published Dockerfile: on the `&&`, en + zh',
      files: files(df(THEN_AND)),
      count: 1,
      severity: 'error',
      message: /Shell syntax error in RUN: `&&` has no command before it .*`docker build` stops at this step/,
      then: ([f]) => {
        assert.deepEqual(at(f), [1, 25, 1, 27]);
        assert.equal(f.file, path.join(ROOT, 'Dockerfile'));
        assert.match(f.message.zh, /RUN 中有 shell 语法错误：`&&` 前面没有命令.*`docker build` 会在这一步/);
      },
    },
    {
      name: 'an unchanged instruction moved by an edit above it keeps an exact range (results are cached per text)',
      files: files(df(THEN_AND)),
      count: 1,
      then: ([f]) => {
        assert.deepEqual(at(f), [1, 25, 1, 27]);
        const again = (dockerfile: string) => check(files(dockerfile)).findings.filter((x) => x.code === 'MA213');
        const moved = again(df('ENV A=1\nENV B=2\n' + THEN_AND));
        assert.equal(moved.length, 1);
        assert.deepEqual(at(moved[0]), [3, 25, 3, 27]);
        const indented = again(df('  ' + THEN_AND));
        assert.equal(indented.length, 1);
        assert.deepEqual(at(indented[0]), [1, 27, 1, 29]);
      },
    },
    {
      name: 'the position is mapped through continuations and dropped comment lines',
      files: files(df('RUN apt-get update \\\n    # a comment line\n\n    && for p in a b; echo "$p"; done')),
      count: 1,
      message: /this `for` has no `do` before its commands/,
      then: ([f]) => {
        // Line 5 (0-based 4): `    && for p in a b; echo "$p"; done`; the error is at `for`.
        assert.deepEqual(at(f), [4, 7, 4, 10]);
        assert.match(f.message.zh, /`for` 在循环体前缺少 `do`/);
      },
    },
    {
      name: 'an unclosed quote, on the quote',
      files: files(df('RUN echo "unclosed \\\n    && echo b')),
      count: 1,
      message: /the quote `"` is never closed/,
      then: ([f]) => {
        assert.deepEqual(at(f), [1, 9, 1, 10]);
        assert.match(f.message.zh, /引号 `"` 没有闭合/);
      },
    },
    {
      name: '`fi` missing in a heredoc script, on the `if` line of the body',
      files: files(df('RUN <<EOF\nset -e\nif [ -f /x ]; then\n  echo x\nEOF')),
      count: 1,
      message: /this `if` has no closing `fi`/,
      then: ([f]) => {
        assert.deepEqual(at(f), [3, 0, 3, 2]);
        assert.match(f.message.zh, /`if` 缺少结尾的 `fi`/);
      },
    },
    {
      name: 'UTF-16 columns after Chinese text (the parser counts bytes)',
      files: files(df('RUN echo "安装依赖" && if')),
      count: 1,
      then: ([f]) => assert.deepEqual(at(f), [1, 19, 1, 21]),
    },
    {
      name: 'a backtick-escape Dockerfile maps its ` continuations',
      files: files('# escape=`\n' + df('RUN echo a `\n    && && echo b')),
      count: 1,
      message: /`&&` has no command after it/,
      // Joined: `echo a     && && echo b`; the first `&&` has nothing after it.
      then: ([f]) => assert.deepEqual(at(f), [3, 4, 3, 6]),
    },
    {
      name: 'a shell-form CMD: the container cannot start',
      files: files(df('RUN true', tail('CMD python3 /home/server.py || (echo failed'))),
      count: 1,
      message: /in the CMD command: `\(` is never closed with `\)`; the container exits at start/,
      then: ([f]) => assert.deepEqual(at(f), [5, 31, 5, 32]),
    },
    {
      name: 'a shell-form ENTRYPOINT: the container cannot start',
      files: files(df('RUN true', tail('ENTRYPOINT exec python3 /home/server.py |'))),
      count: 1,
      message: /in the ENTRYPOINT command: `\|` has no command after it/,
    },
    {
      name: 'a broken run.sh is reported in run.sh itself, linked to the CMD that starts it',
      files: files(RUN_SH, { 'run.sh': '#!/bin/bash\nset -e\nwhile true\n  python3 /home/server.py\ndone\n' }),
      count: 1,
      message: /Shell syntax error in run.sh: this `done` ends no loop \(is the `do` of a `while` or `for` missing\?\); the container exits at start/,
      then: ([f]) => {
        assert.equal(f.file, path.join(ROOT, 'run.sh'));
        // `while true; python3 ...; done`: the loop body has no `do`, the parser stops at `done`.
        assert.deepEqual(at(f), [4, 0, 4, 4]);
        assert.match(f.message.zh, /run.sh 中有 shell 语法错误：此处的 `done` 没有可结束的循环/);
        assert.equal(f.related?.length, 1);
        assert.equal(f.related![0].file, path.join(ROOT, 'Dockerfile'));
        assert.equal(f.related![0].range.start.line, 6);
      },
    },
    {
      name: 'a heredoc COPY entry script is reported inside the Dockerfile body',
      files: files(HEREDOC_SCRIPT),
      count: 1,
      message: /start.sh: this `case` has no closing `esac`/,
      then: ([f]) => {
        assert.equal(f.file, path.join(ROOT, 'Dockerfile'));
        assert.deepEqual(at(f), [3, 0, 3, 4]);
      },
    },
    {
      name: 'a stage the final image does not need: a warning',
      files: files(`FROM alpine AS tools\nRUN if true; then echo\nFROM python:3.11-slim\n${TAIL}`),
      count: 1,
      severity: 'warning',
      message: /BuildKit skips it/,
    },
    {
      name: 'a stage the final image copies from: an error',
      files: files(`FROM alpine AS tools\nRUN if true; then echo\nFROM python:3.11-slim\nCOPY --from=tools /etc/os-release /tmp/\n${TAIL}`),
      count: 1,
      severity: 'error',
    },
  ],
});
