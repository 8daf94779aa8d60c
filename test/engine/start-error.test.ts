// Which refusals to start are the image's (MA403) and which the engine's: the texts are the engines' own, as Docker
// 20.10 and rootless Podman 4.3 (runc, slirp4netns) wrote them here; the iptables one as Docker words it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { StartError } from '../../engine/container';

const image = [
  'OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "/home/app/serve": '
    + 'stat /home/app/serve: no such file or directory: unknown',
  'OCI runtime create failed: container_linux.go:380: starting container process caused: exec: "/app/run.sh": permission denied: unknown',
  'runc: runc create failed: unable to start container process: exec: "/home/app/serve": stat /home/app/serve: no such file or directory: '
    + 'OCI runtime attempted to invoke a command that was not found',
  'exec: "serve": executable file not found in $PATH: unknown',
];
const engine = [
  '/usr/bin/slirp4netns failed: "open(\\"/dev/net/tun\\"): Permission denied\\nchild failed(1)\\n"',
  'failed to mount runtime directory for rootless netns: no such file or directory',
  'driver failed programming external connectivity on endpoint x: iptables failed',
];

test('a missing or unrunnable start command is the image\'s fault (MA403)', () => {
  for (const m of image) assert.equal(new StartError(m).imageFault, true, m);
});

test('the engine\'s network or runtime failing is not the image\'s fault', () => {
  for (const m of engine) assert.equal(new StartError(m).imageFault, false, m);
});
