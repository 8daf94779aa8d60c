// Two static behaviours no other test pinned: a UDP-only EXPOSE of 8080 is not port 8080 (ModelArts sends HTTP,
// i.e. TCP), and a batch command with an extra argument is not the documented `/bin/sh /home/run.sh`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkModelFolder } from '../../core/check';
import { defaultOptions } from '../../core/types';
import { tempFolder, removeFolder } from '../helpers/tmp';

function findingsOf(dockerfile: string, extra: Record<string, string> = {}) {
  const dir = tempFolder({ Dockerfile: dockerfile, ...extra });
  try {
    return checkModelFolder({ dir, dockerfilePath: path.join(dir, 'Dockerfile') }, defaultOptions());
  } finally {
    removeFolder(dir);
  }
}

test('EXPOSE 8080/udp alone → MA201 on the 8080/udp argument', () => {
  // The severity is not asserted: it depends on what the code tells about the port.
  const fs = findingsOf('FROM python:3.11-slim\nCOPY app.py /app/app.py\nEXPOSE 8080/udp\nUSER 1000:100\nCMD ["python3", "/app/app.py"]\n',
    { 'app.py': 'print("hello")\n' });
  const f = fs.find((x) => x.code === 'MA201');
  assert.ok(f, JSON.stringify(fs.map((x) => x.code)));
  assert.deepEqual([f.range.start.line, f.range.start.character, f.range.end.character], [2, 7, 15]);
  assert.match(f.message.en, /8080\/udp/);
  // The same file with TCP (the default protocol) has no MA201.
  const tcp = findingsOf('FROM python:3.11-slim\nCOPY app.py /app/app.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["python3", "/app/app.py"]\n',
    { 'app.py': 'print("hello")\n' });
  assert.ok(!tcp.some((x) => x.code === 'MA201'), JSON.stringify(tcp.map((x) => x.code)));
});

test('CMD /bin/sh /home/run.sh extra → MA204 (the batch entry takes no argument)', () => {
  const base = 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y default-jre zip\nCOPY run.sh /home/run.sh\n';
  const fs = findingsOf(`${base}CMD /bin/sh /home/run.sh extra\n`, { 'run.sh': 'python3 -c "print(1)"\n' });
  const f = fs.find((x) => x.code === 'MA204');
  assert.ok(f, JSON.stringify(fs.map((x) => x.code)));
  assert.equal(f.range.start.line, 3);
  assert.match(f.message.en, /this image runs: \/bin\/sh \/home\/run\.sh extra/);
  // Without the extra argument the entry is right.
  const ok = findingsOf(`${base}CMD /bin/sh /home/run.sh\n`, { 'run.sh': 'python3 -c "print(1)"\n' });
  assert.ok(!ok.some((x) => x.code === 'MA204'), JSON.stringify(ok.map((x) => x.code)));
});
