// A warning check (MA410 by default) passes in every consumer of the report: text, JUnit, Test Explorer results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkResults } from '../../client/src/views/reportModel';
import { formatReportJunit, formatReportText } from '../../engine/format';
import type { Report } from '../../engine/conformance';
import { ma410Message } from '../../engine/steps/stop';
import { L } from '../../core/i18n';

const m = ma410Message(5);
const rng = { start: { line: 5, character: 0 }, end: { line: 5, character: 30 } };
const report: Report = {
  passed: true, folder: '/m', serviceKind: 'online', timings: { total: 7000 },
  checks: [
    { id: 'build', title: L('Build the image', '构建镜像'), status: 'pass', durationMs: 900, message: L('built', '构建完成') },
    { id: 'stop', title: L('Stop on SIGTERM', '收到 SIGTERM 后停止'), status: 'warn', code: 'MA410', durationMs: 5000, message: m.short },
  ],
  findings: [{ code: 'MA410', file: '/m/Dockerfile', range: rng, severity: 'warning', message: { en: m.en, zh: m.zh } }],
};

test('MA410 message: what happened, what ModelArts does, what to do (en + zh)', () => {
  assert.equal(m.short.en, 'did not stop within 5 s of SIGTERM; in-flight requests would be cut when ModelArts stops it after 90 s');
  assert.match(m.en, /Handle SIGTERM in PID 1/);
  assert.match(m.en, /--stop-timeout 90/);
  assert.match(m.zh, /5 秒内未退出；ModelArts 会在 90 秒后强制停止它/);
  // Waiting as long as ModelArts itself: no advice to wait longer.
  assert.doesNotMatch(ma410Message(90).en, /--stop-timeout/);
});

test('text: ⚠ with "warning:", PASSED with the warning counted', () => {
  const t = formatReportText(report);
  assert.match(t, /⚠ Stop on SIGTERM +5\.0 s {2}MA410 warning: did not stop within 5 s/);
  assert.match(t, /PASSED: 1 passed, 1 warning, 0 failed, 0 skipped/);
});

test('JUnit: no failure, the warning in the case output', () => {
  const x = formatReportJunit(report);
  assert.match(x, /<testsuites tests="2" failures="0" skipped="0"/);
  assert.doesNotMatch(x, /<failure/);
  assert.match(x, /<system-out>warning MA410: did not stop within 5 s/);
});

test('Test Explorer: passed, with the warning and its finding\'s place', () => {
  const [, stop] = checkResults(report, 'zh-cn');
  assert.equal(stop.state, 'passed');
  assert.equal(stop.cause, undefined, 'a warning is no failure, so no cause');
  assert.match(stop.warning ?? '', /^MA410: 收到 SIGTERM 后 5 秒内未退出/);
  assert.match(stop.body.join('\n'), /容器已被终止并删除/, 'the finding\'s whole text in the body');
  assert.deepEqual(stop.location, { file: '/m/Dockerfile', range: rng });
});
