// What a container listens on, from its /proc/net/tcp and tcp6 (pure: no engine).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatListeners, listenCause, parseProcNetTcp, watchListeners, type Listener } from '../../engine/listeners';

const TCP = [
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 00000000:1389 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 634 1 0000000070be7bfe 100 0 0 10 0',
  '   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 979081 1 00000000d3cafb25 100 0 0 10 0',
  // An established connection and a TIME_WAIT one: not listening.
  '   2: 0100007F:81B6 0100007F:C0B0 01 00000000:00000000 03:00000B53 00000000     0        0 0 3 00000000ef05d7ab',
  '   3: 020011AC:1F90 010011AC:D2F4 06 00000000:00000000 03:00000AE4 00000000     0        0 0 3 000000004ba48d3f',
  '',
].join('\n');

const TCP6 = [
  '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
  '   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000'
    + '     0        0 41213 1 0000000000000000 100 0 0 10 0',
  '   1: 00000000000000000000000001000000:0BB8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000'
    + '     0        0 41214 1 0000000000000000 100 0 0 10 0',
  '   2: 0000000000000000FFFF00000100007F:1F91 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000'
    + '     0        0 41215 1 0000000000000000 100 0 0 10 0',
  '   3: B80D0120000000000000000001000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000'
    + '     0        0 41216 1 0000000000000000 100 0 0 10 0',
  '',
].join('\n');

test('tcp: the LISTEN (0A) sockets, addresses little-endian, ports big-endian', () => {
  assert.deepEqual(parseProcNetTcp(TCP), [{ host: '0.0.0.0', port: 5001 }, { host: '127.0.0.1', port: 8080 }]);
});

test('tcp6: ::, ::1, IPv4-mapped (as IPv4) and a global address', () => {
  assert.deepEqual(parseProcNetTcp(TCP6), [
    { host: '::', port: 8080 }, { host: '::1', port: 3000 }, { host: '127.0.0.1', port: 8081 }, { host: '2001:db8::1', port: 443 },
  ]);
});

test('both files in one text (what `cat tcp tcp6` prints); duplicates once; no header or garbage: nothing', () => {
  assert.equal(parseProcNetTcp(TCP + TCP6).length, 6);
  assert.equal(parseProcNetTcp(TCP + TCP).length, 2);
  assert.deepEqual(parseProcNetTcp('cat: /proc/net/tcp6: No such file or directory\n'), []);
  assert.deepEqual(parseProcNetTcp(''), []);
});

const at = (host: string, port: number): Listener => ({ host, port });

test('the cause: another port, loopback only, or none when 8080 is reachable', () => {
  assert.deepEqual(listenCause([at('0.0.0.0', 5001)]), { kind: 'other-port', listeners: [at('0.0.0.0', 5001)] });
  assert.deepEqual(listenCause([at('127.0.0.1', 8080), at('0.0.0.0', 9090)]), { kind: 'loopback', listeners: [at('127.0.0.1', 8080)] });
  assert.deepEqual(listenCause([at('::1', 8080)]), { kind: 'loopback', listeners: [at('::1', 8080)] });
  assert.equal(listenCause([at('0.0.0.0', 8080), at('127.0.0.1', 5000)]), undefined);
  assert.equal(listenCause([at('::', 8080)]), undefined);
  assert.equal(listenCause([at('172.17.0.2', 8080)]), undefined);
  assert.equal(listenCause([]), undefined);
  assert.equal(formatListeners([at('0.0.0.0', 5001), at('::', 5001), at('::1', 8080)]), '0.0.0.0:5001, [::]:5001, [::1]:8080');
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('the watch gives its verdict once a cause held for the grace, resets when 8080 appears, stops when unreadable', async () => {
  const seq: (Listener[] | undefined)[] = [[], [at('0.0.0.0', 5001)], [at('0.0.0.0', 8080)], [at('0.0.0.0', 5001)]];
  let i = 0;
  const w = watchListeners(async () => seq[Math.min(i++, seq.length - 1)], 10, 60);
  await wait(40);
  assert.equal(w.verdict, undefined);
  await wait(150);
  assert.deepEqual(w.verdict, { kind: 'other-port', listeners: [at('0.0.0.0', 5001)] });
  w.stop();
  let j = 0;
  const served = watchListeners(async () => (j++ === 0 ? [at('0.0.0.0', 5001)] : [at('0.0.0.0', 5001), at('0.0.0.0', 8080)]), 10, 30);
  await wait(120);
  assert.equal(served.verdict, undefined);
  served.stop();
  let reads = 0;
  const none = watchListeners(async () => (reads++, undefined), 10, 0);
  await wait(60);
  assert.equal(none.verdict, undefined);
  assert.equal(reads, 1);
  none.stop();
});
