// MA120: The deployment file is not valid JSON or not an object. Bad input (huge, binary, deep): one clear finding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTester, deployCodes, check } from '../helpers/ruleTester';
import { GOOD, online } from '../helpers/folders';

const D = 'modelarts-deploy.json';
const withDeploy = (text: string) => online(GOOD, { [D]: text });

ruleTester('MA120', {
  valid: [
    { name: 'JSON with comments and a trailing comma (it is our file)', files: withDeploy('// the console\'s port\n{\n  "port": 8080,\n}\n'), alone: true },
    { name: 'an empty object', files: withDeploy('{}'), alone: true },
    { name: 'no deployment file at all', files: online(GOOD), alone: true },
  ],
  invalid: [
    {
      name: 'a missing comma: one finding, at the error, saying nothing of the file is used',
      files: withDeploy('{\n  "port": 9000\n  "user": "1000:100"\n}\n'),
      count: 1, severity: 'error', line: 2, message: /Invalid JSON.*comma is expected.*Nothing of it is used/,
      then: (_found, all) => assert.deepEqual(deployCodes(all), ['MA120'], 'no MA121/MA122 on a file that is not used'),
    },
    { name: 'an array', files: withDeploy('[{"port": 9000}]'), count: 1, message: /holds an array, not an object/ },
    { name: 'a string', files: withDeploy('"9000"'), count: 1, message: /holds a string/ },
    { name: 'empty', files: withDeploy(''), count: 1, message: /is empty/ },
    { name: 'only a comment', files: withDeploy('// later\n'), count: 1, message: /is empty/ },
    { name: 'binary junk', files: withDeploy('\u0000\u0001\u00ff{"port": 1}\u0000'), count: 1, message: /not a text file/ },
    { name: 'not UTF-8 (decoded with U+FFFD)', files: withDeploy('{"user": "\ufffd\ufffd"}'), count: 1, message: /not UTF-8/ },
  ],
});

test('MA120: a 50 MB deployment file gives one finding, fast, and nothing else of it', () => {
  const t0 = Date.now();
  const all = check(withDeploy('{"port": 9000, "x": "' + 'a'.repeat(50 * 1024 * 1024) + '"}'));
  assert.deepEqual(deployCodes(all), ['MA120']);
  assert.match(all.findings.find((f) => f.code === 'MA120')!.message.en, /larger than 5 MB/);
  // A generous bound: it proves the text was not parsed, not a performance figure.
  assert.ok(Date.now() - t0 < 20_000);
});

test('MA120: 100,000 levels of nesting give one finding and no stack overflow', () => {
  const all = check(withDeploy('{"probes":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'));
  assert.deepEqual(deployCodes(all), ['MA120']);
  assert.match(all.findings.find((f) => f.code === 'MA120')!.message.en, /nested more than 512 levels/);
});

test('MA120: the port of a broken file is not used (MA203 keeps to 8080 under current)', () => {
  const files = online(GOOD.replace('CMD ["python3", "/home/app/server.py"]', 'CMD ["python3", "/home/app/server.py"]'), { [D]: '{"port": 9000,, }' });
  const all = check(files, { profile: 'current' });
  assert.ok(all.codes.includes('MA120'));
  assert.ok(!all.codes.includes('MA203'), all.codes.join(' '));
});
