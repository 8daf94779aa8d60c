// MA213 over LSP, through the bundled server (dist/server.js loads the shell parser from dist/vendor/): a broken
// RUN is published on the Dockerfile; a broken run.sh is published on run.sh itself with a link to the CMD, in
// English or Chinese, and goes away when run.sh is fixed in the editor.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp';
import { removeFolder, tempFolder } from '../helpers/tmp';
import { IMAGE_CONFIG } from '../fixtures/dockerfile/harness';

const DOCKERFILE = `FROM python:3.11-slim
RUN if [ -n "$X" ]; then && \\
      echo "$X"; fi
COPY server.py /home/server.py
COPY run.sh /home/run.sh
EXPOSE 8080
USER 1000:100
CMD ["sh", "/home/run.sh"]
`;
const SERVER = 'from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        pass\n' +
  '    def do_POST(self):\n        pass\nHTTPServer(("0.0.0.0", 8080), H).serve_forever()\n';
const RUN_SH = '#!/bin/sh\nif [ -f /home/server.py ]; then\n  exec python3 /home/server.py\n';

for (const locale of ['en', 'zh-cn'] as const) {
  describe(`MA213 over LSP (${locale})`, () => {
    let dir: string;
    let c: LspClient;
    before(async () => {
      dir = tempFolder({ 'config.json': IMAGE_CONFIG, Dockerfile: DOCKERFILE, 'server.py': SERVER, 'run.sh': RUN_SH });
      c = await LspClient.start({ roots: [dir], locale });
    });
    after(async () => {
      await c?.stop();
      removeFolder(dir);
    });

    it('publishes the broken RUN on the Dockerfile and the broken run.sh on run.sh', async () => {
      const df = path.join(dir, 'Dockerfile');
      const sh = path.join(dir, 'run.sh');
      const since = c.mark();
      await c.open(df, DOCKERFILE);
      const pd = await c.waitForFile(df, since, (x) => x.diagnostics.some((d) => d.code === 'MA213'));
      const run = pd.diagnostics.find((d) => d.code === 'MA213')!;
      assert.deepEqual(run.range, { start: { line: 1, character: 25 }, end: { line: 1, character: 27 } });
      assert.equal(run.severity, 1);
      assert.match(run.message, locale === 'en' ? /`&&` has no command before it/ : /`&&` 前面没有命令/);
      const ps = await c.waitForFile(sh, since, (x) => x.diagnostics.some((d) => d.code === 'MA213'));
      const s = ps.diagnostics.find((d) => d.code === 'MA213')!;
      assert.deepEqual(s.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
      assert.match(s.message, locale === 'en' ? /run.sh: this `if` has no closing `fi`/ : /run.sh 中有 shell 语法错误：此处的 `if` 缺少结尾的 `fi`/);
      assert.equal(s.relatedInformation?.[0].location.uri, pathToFileURL(df).href);
      assert.equal(s.relatedInformation?.[0].location.range.start.line, 7);
    });

    it('clears run.sh when it is fixed in the editor', async () => {
      const sh = path.join(dir, 'run.sh');
      const since = c.mark();
      await c.open(sh, RUN_SH + 'fi\n', 'shellscript');
      const p = await c.waitForFile(sh, since, (x) => !x.diagnostics.some((d) => d.code === 'MA213'));
      assert.deepEqual(p.diagnostics.filter((d) => d.code === 'MA213'), []);
      assert.deepEqual(c.logs.filter((l) => /failed|uncaught/i.test(l)), []);
    });
  });
}
