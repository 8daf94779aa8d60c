// `modelarts-image push` before it reaches an engine or a registry: the target (`--to`, config.json swr_location, SWR
// naming), usage errors (exit 2), and the credentials as the docker CLI finds them (auths, credsStore, credHelpers with
// a real helper program). The pushes themselves run against a real registry in test/engine/push.test.ts.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findCredentials, parseTarget } from '../../engine/push';
import { tempFolder, removeFolder, repoRoot } from '../helpers/tmp';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [cli, 'push', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dirs: string[] = [];
after(() => dirs.forEach(removeFolder));
const folder = (files: Record<string, string>): string => dirs[dirs.push(tempFolder(files)) - 1];

const DOCKERFILE = 'FROM busybox:latest\nCMD ["httpd", "-f", "-p", "8080"]\n';

test('no target: --to or swr_location is asked for (exit 2)', () => {
  const d = folder({ 'config.json': '{"model_type": "Image"}', Dockerfile: DOCKERFILE });
  const r = run([d]);
  assert.equal(r.code, 2);
  assert.match(r.err, /no target: give --to REGISTRY\/ORG\/REPO:TAG or set "swr_location" in config.json/);
});

test('a target that breaks the SWR naming rules is a usage error with MA117\'s text, in English or Chinese', () => {
  const d = folder({ 'config.json': '{"model_type": "Image"}', Dockerfile: DOCKERFILE });
  const upper = run([d, '--to', 'swr.cn-north-4.myhuaweicloud.com/My_Org/model:1']);
  assert.equal(upper.code, 2);
  assert.match(upper.err, /SWR organization "My_Org" breaks the naming rules/);
  const scheme = run([d, '--to', 'https://swr.cn-north-4.myhuaweicloud.com/org/model:1', '--lang', 'zh-cn']);
  assert.equal(scheme.code, 2);
  assert.match(scheme.err, /--to "https:\/\/.*" 以 "https:\/\/" 开头/);
  const host = run([d, '--to', 'docker.io/org/model:1']);
  assert.match(host.err, /--to host "docker\.io" is not an SWR registry/);
  const digest = run([d, '--to', 'swr.cn-north-4.myhuaweicloud.com/org/model@sha256:' + 'a'.repeat(64)]);
  assert.match(digest.err, /names a digest: a push needs a tag/);
});

test('config.json swr_location is the default target, checked the same way', () => {
  const d = folder({ 'config.json': '{"model_type": "Image", "swr_location": "swr.cn-north-4.myhuaweicloud.com/org/model"}', Dockerfile: DOCKERFILE });
  const r = run([d]);
  assert.equal(r.code, 2);
  assert.match(r.err, /swr_location "swr\.cn-north-4\.myhuaweicloud\.com\/org\/model" has no tag/);
});

test('usage errors: --format, --platform, --username without --password-stdin (a password never goes on a command line)', () => {
  const d = folder({ 'config.json': '{"model_type": "Image"}', Dockerfile: DOCKERFILE });
  const to = ['--to', '127.0.0.1:5000/org/model:1'];
  assert.match(run([d, ...to, '--format', 'junit']).err, /--format must be text or json/);
  assert.match(run([d, ...to, '--platform', 'linux/s390x']).err, /--platform must be linux\/amd64 or linux\/arm64/);
  const u = run([d, ...to, '-u', 'cn-north-4@AK']);
  assert.equal(u.code, 2);
  assert.match(u.err, /--username needs --password-stdin/);
  assert.match(run(['/no/such/folder', ...to]).err, /is not a folder/);
  assert.equal(run(['--help']).code, 0);
});

test('the target of a local registry (ip:port) parses into registry, repository and tag', () => {
  assert.deepEqual(parseTarget('127.0.0.1:5000/org/team/model:1.0', '--to'),
    { target: { registry: '127.0.0.1:5000', repository: 'org/team/model', tag: '1.0', ref: '127.0.0.1:5000/org/team/model:1.0' } });
});

test('credentials: auths (base64 user:password, any scheme in the key), credsStore and credHelpers through a real helper program', async () => {
  const d = folder({});
  const cfg = path.join(d, 'docker');
  const bin = path.join(d, 'bin');
  fs.mkdirSync(cfg);
  fs.mkdirSync(bin);
  const auth = Buffer.from('cn-north-4@AKXYZ:s3cret:with:colons').toString('base64');
  fs.writeFileSync(path.join(cfg, 'config.json'), JSON.stringify({ auths: { 'https://swr.cn-north-4.myhuaweicloud.com': { auth } } }));
  const env = { ...process.env, DOCKER_CONFIG: cfg, PATH: `${bin}:${process.env.PATH}` };
  const a = await findCredentials('swr.cn-north-4.myhuaweicloud.com', env);
  assert.deepEqual(a, { username: 'cn-north-4@AKXYZ', password: 's3cret:with:colons', serveraddress: 'swr.cn-north-4.myhuaweicloud.com', source: 'auths' });
  assert.equal(await findCredentials('swr.ap-southeast-1.myhuaweicloud.com', env), undefined);
  // A helper answers for the server it reads on stdin; it knows only one.
  const helper = path.join(bin, 'docker-credential-kittest');
  fs.writeFileSync(helper, '#!/bin/sh\nread server\nif [ "$server" = "127.0.0.1:5000" ]; then\n'
    + '  printf \'{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}\' "$server"\nelse\n'
    + '  echo "credentials not found in native keychain"; exit 1\nfi\n', { mode: 0o755 });
  fs.writeFileSync(path.join(cfg, 'config.json'), JSON.stringify({ credsStore: 'kittest', auths: { 'swr.cn-north-4.myhuaweicloud.com': { auth } } }));
  const store = await findCredentials('127.0.0.1:5000', env);
  assert.deepEqual([store?.username, store?.password, store?.source], ['helper-user', 'helper-secret', 'docker-credential-kittest']);
  assert.equal((await findCredentials('swr.cn-north-4.myhuaweicloud.com', env))?.source, 'auths', 'the store knows nothing: auths');
  fs.writeFileSync(path.join(cfg, 'config.json'), JSON.stringify({ credHelpers: { '127.0.0.1:5000': 'kittest', 'swr.x.myhuaweicloud.com': 'missing' } }));
  assert.equal((await findCredentials('127.0.0.1:5000', env))?.password, 'helper-secret');
  await assert.rejects(findCredentials('swr.x.myhuaweicloud.com', env), /docker-credential-missing get failed/);
});

test('a push error is read by its words, not by digits in the address (a port such as :35073 is not a 507)', async () => {
  const { classifyPushError } = await import('../../engine/push/progress');
  const kind = (text: string, source?: string) => classifyPushError(text, 'r.example:35073', source).kind;
  assert.equal(kind('Get "http://127.0.0.1:35073/v2/": dial tcp 127.0.0.1:35073: connect: connection refused'), 'unreachable');
  assert.equal(kind('Get "https://10.0.0.1:40123/v2/": dial tcp 10.0.0.1:40123: i/o timeout'), 'unreachable');
  assert.equal(kind('Head "https://swr.example:4013/v2/x/blobs/sha256:507a": unexpected status 500'), 'registry');
  assert.equal(kind('received unexpected HTTP status: 507 Insufficient Storage'), 'full');
  assert.equal(kind('write /var/lib/registry/x: no space left on device'), 'full');
  assert.equal(kind('unauthorized: authentication required', 'auths'), 'unauthorized');
  assert.equal(kind('unexpected status code 401 (Unauthorized)'), 'unauthorized');
  assert.equal(kind('denied: requested access to the resource is denied'), 'denied');
  assert.equal(kind('unexpected status: 403 Forbidden'), 'denied');
});

test('SWR refusing an OCI index at push time ("Invalid image, fail to parse \'manifest.json\'") is told with how to build without attestations', async () => {
  const { classifyPushError } = await import('../../engine/push/progress');
  const swr = classifyPushError('unexpected status from PUT request to https://swr.cn-north-4.myhuaweicloud.com/v2/o/m/manifests/1: 400 Bad Request: '
    + '{"errors":[{"message":"Invalid image, fail to parse \'manifest.json\'"}]}', 'swr.cn-north-4.myhuaweicloud.com', 'auths');
  assert.equal(swr.kind, 'registry');
  assert.match(swr.message.en, /refused the image's manifest: .*--provenance=false --sbom=false.*BUILDX_NO_DEFAULT_ATTESTATIONS=1/);
  assert.match(swr.message.zh, /拒绝了镜像清单.*OCI 索引或证明列表会被拒绝.*--provenance=false/);
  const distribution = classifyPushError('manifest invalid: manifest invalid', '127.0.0.1:5000', undefined);
  assert.match(distribution.message.en, /refused the image's manifest/);
});
