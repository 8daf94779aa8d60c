// One failing and one passing case per Dockerfile rule (MA200-MA212), checked with the real rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, ours, serious } from '../fixtures/dockerfile/harness';

const GOOD = `FROM python:3.11-slim
WORKDIR /home/app
COPY server.py /home/app/server.py
ENV PYTHONUNBUFFERED=1
EXPOSE 8080
USER 1000:100
CMD ["python3", "/home/app/server.py"]
`;
const SERVER = `from http.server import BaseHTTPRequestHandler, HTTPServer
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
    def do_POST(self):
        self.send_response(200)
HTTPServer(("0.0.0.0", 8080), H).serve_forever()
`;
const good = (dockerfile: string, extra: Record<string, string> = {}) => check({ Dockerfile: dockerfile, 'server.py': SERVER, ...extra });
const codes = (dockerfile: string, extra: Record<string, string> = {}) => ours(good(dockerfile, extra));

test('the good online Dockerfile is clean', () => {
  assert.deepEqual(codes(GOOD), []);
});

test('MA200: no FROM, unknown instruction, broken exec form; only MA200 when unusable', () => {
  assert.deepEqual(codes('RUN echo hi\nCMD ["x"]\n'), ['MA200']);
  assert.deepEqual(codes(''), ['MA200']);
  assert.deepEqual(codes(GOOD.replace('WORKDIR', 'WORKDIRR')), ['MA200']);
  assert.deepEqual(codes(GOOD.replace('["python3", "/home/app/server.py"]', '["python3" "/home/app/server.py"]')), ['MA200']);
  assert.deepEqual(codes('EXPOSE 8080\n' + GOOD), ['MA200']);
  assert.deepEqual(codes('ARG V=3.11\nFROM python:${V}-slim\n' + GOOD.split('\n').slice(1).join('\n')), []);
});

test('MA200: binary and oversized Dockerfiles give one MA200 and nothing else', () => {
  const bin = check({ Dockerfile: 'FROM x\u0000\u0001\u0002' });
  assert.deepEqual(ours(bin), ['MA200']);
  const huge = check({ Dockerfile: 'RUN echo 1\n'.repeat(600000) });
  assert.deepEqual(ours(huge), ['MA200']);
});

test('MA202 and MA203: loopback bind and wrong port in the command', () => {
  const cmd = (c: string) => codes(GOOD.replace(/CMD .*/, c));
  assert.deepEqual(cmd('CMD gunicorn -b 127.0.0.1:8080 server:app'), ['MA202']);
  assert.deepEqual(cmd('CMD gunicorn -b 0.0.0.0:9000 server:app'), ['MA203']);
  assert.deepEqual(cmd('CMD gunicorn -b localhost:5000 server:app'), ['MA202', 'MA203']);
  assert.deepEqual(cmd('CMD gunicorn -b 0.0.0.0:8080 server:app'), []);
});

test('MA204: batch command and /home/run.sh', () => {
  const batch = (d: string, extra: Record<string, string> = { 'run.sh': 'exec python3 /home/server.py\n' }) => codes(d, extra);
  const B = 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y default-jre-headless zip\nCOPY run.sh /home/run.sh\n' +
    'COPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\n';
  assert.deepEqual(batch(B + 'CMD /bin/sh /home/run.sh\n'), []);
  assert.deepEqual(batch(B + 'CMD ["sh", "/home/run.sh"]\n'), []);
  assert.deepEqual(batch(B + 'CMD ["/home/run.sh"]\n'), ['MA204']);
  assert.deepEqual(batch(B + 'CMD bash /home/run.sh\n'), ['MA204']);
  assert.deepEqual(batch(B.replace('COPY run.sh /home/run.sh\n', '') + 'CMD /bin/sh /home/run.sh\n'), ['MA204']);
  assert.deepEqual(batch('# modelarts-service: batch\n' + B + 'CMD ["python3", "/home/server.py"]\n'), ['MA204']);
  assert.deepEqual(good(B + 'CMD ["python3", "/home/server.py"]\n', { 'run.sh': 'x' }, ).codes.filter((c) => c === 'MA204'), []);
  assert.deepEqual(ours(check({ Dockerfile: B + 'CMD ["python3", "/home/server.py"]\n', 'server.py': SERVER, 'run.sh': 'x' },
    { serviceKind: 'batch' })), ['MA204']);
});

test('MA205: one finding per missing batch component, judged from the base image and installs', () => {
  const tail = 'COPY run.sh /home/run.sh\nCOPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD /bin/sh /home/run.sh\n';
  const run = { 'run.sh': 'exec python3 /home/server.py\n' };
  assert.deepEqual(codes('FROM python:3.11-slim\n' + tail, run), ['MA205', 'MA205']);
  assert.deepEqual(codes('FROM ubuntu:22.04\n' + tail, run), ['MA205', 'MA205', 'MA205']);
  assert.deepEqual(codes('FROM eclipse-temurin:17-jre\nRUN apt-get update && apt-get install -y python3 zip\n' + tail, run), []);
  assert.deepEqual(codes('FROM alpine:3.19\nRUN apk add --no-cache python3 openjdk17-jre-headless zip\n' + tail, run), []);
  assert.deepEqual(codes('FROM centos:7\nRUN yum install -y java-11-openjdk zip\n' + tail, run), []);
  assert.deepEqual(codes('FROM swr.cn-north-4.myhuaweicloud.com/org/base:1\n' + tail, run), [], 'a private base image is not judged');
  const f = good('FROM python:3.11-slim\n' + tail, run).findings.filter((x) => x.code === 'MA205');
  assert.ok(f.every((x) => x.range.start.line === 0), 'at the last FROM');
});

test('MA206: logs to a file, log-file options, nohup', () => {
  const cmd = (c: string) => codes(GOOD.replace(/CMD .*/, c));
  assert.deepEqual(cmd('CMD python3 /home/app/server.py > /var/log/app.log 2>&1'), ['MA206']);
  assert.deepEqual(cmd('CMD gunicorn -b 0.0.0.0:8080 --access-logfile /tmp/a.log server:app'), ['MA206']);
  assert.deepEqual(cmd('CMD gunicorn -b 0.0.0.0:8080 --access-logfile - --error-logfile - server:app'), []);
  assert.deepEqual(cmd('CMD python3 /home/app/server.py 2>&1 | tee /proc/1/fd/1'), []);
  assert.deepEqual(codes(GOOD.replace('ENV PYTHONUNBUFFERED=1', 'RUN pip list > /tmp/pkgs.txt')), [], 'a build-time redirect is not a logging problem');
});

test('MA207: no CMD or ENTRYPOINT', () => {
  assert.deepEqual(codes(GOOD.replace(/CMD .*\n/, '')), ['MA207']);
  assert.deepEqual(codes(GOOD.replace(/CMD (.*)/, 'ENTRYPOINT $1')), []);
});

test('MA208: secrets in ENV, ARG, RUN and copied files', () => {
  assert.deepEqual(codes(GOOD.replace('ENV PYTHONUNBUFFERED=1',
    'ENV HUAWEICLOUD_SDK_AK=HPUAL2X7QWERTYUIOPAS HUAWEICLOUD_SDK_SK=abcdEFGHijklMNOPqrstUVWXyz0123456789ABCD')), ['MA208', 'MA208']);
  assert.deepEqual(codes(GOOD.replace('ENV PYTHONUNBUFFERED=1', 'ARG DB_PASSWORD=hunter22')), ['MA208']);
  assert.deepEqual(codes(GOOD.replace('ENV PYTHONUNBUFFERED=1', 'RUN pip install -i https://bob:s3cret@pypi.example.com/simple x')), ['MA208']);
  assert.deepEqual(codes(GOOD.replace('COPY server.py', 'COPY .env /home/app/.env\nCOPY server.py'), { '.env': 'TOKEN=x' }), ['MA208']);
  assert.deepEqual(codes(GOOD.replace('ENV PYTHONUNBUFFERED=1', 'ARG PIP_INDEX_URL=https://user:p4ss@mirror.example.com/simple')), ['MA208']);
  assert.deepEqual(codes(GOOD.replace('COPY server.py', 'COPY . /home/app/\nCOPY server.py'),
    { 'credentials.csv': 'User Name,Access Key Id,Secret Access Key\n' }), ['MA208']);
  assert.deepEqual(codes(GOOD.replace('ENV PYTHONUNBUFFERED=1',
    'ENV TOKENIZERS_PARALLELISM=false MAX_TOKEN=512 API_KEY=${API_KEY} SECRET_FILE=/run/secrets/s\nARG HF_TOKEN')), []);
  assert.deepEqual(codes(GOOD.replace('COPY server.py', 'COPY . /home/app/\nCOPY server.py'), { '.env': 'TOKEN=x', '.dockerignore': '.env\n' }), []);
});

test('MA209: main process in the background', () => {
  const cmd = (c: string) => codes(GOOD.replace(/CMD .*/, c));
  assert.deepEqual(cmd('CMD python3 /home/app/server.py &'), ['MA209']);
  assert.deepEqual(cmd('CMD service nginx start'), ['MA209']);
  assert.deepEqual(cmd('CMD python3 /home/app/server.py & wait'), []);
  assert.deepEqual(cmd('CMD ["sh", "-c", "echo start && exec python3 /home/app/server.py"]'), []);
});

test('MA210: COPY sources missing or excluded by .dockerignore', () => {
  assert.deepEqual(codes(GOOD.replace('COPY server.py', 'COPY model/ /home/app/model/\nCOPY server.py')), ['MA210']);
  assert.deepEqual(codes(GOOD.replace('COPY server.py', 'COPY model/ /home/app/model/\nCOPY server.py'),
    { 'model/w.bin': 'x', '.dockerignore': 'model\n' }), ['MA210']);
  assert.deepEqual(codes(GOOD.replace('COPY server.py', 'COPY *.txt /home/app/\nCOPY server.py')), ['MA210']);
  assert.deepEqual(codes(GOOD.replace('COPY server.py', 'COPY ../x /x\nCOPY server.py')), ['MA210']);
  assert.deepEqual(codes(GOOD.replace('COPY server.py', 'COPY model/ /home/app/model/\nCOPY *.py /home/app/\nCOPY server.py'),
    { 'model/w.bin': 'x', '.dockerignore': '*.md\n!README.md\n' }), []);
  assert.deepEqual(codes('FROM python:3.11 AS b\nRUN echo x > /out\n' + GOOD.replace('COPY server.py', 'COPY --from=b /out /out\nADD https://example.com/a.tgz /tmp/\nCOPY server.py')), []);
});

test('MA211: MA_* variables', () => {
  assert.deepEqual(codes(GOOD.replace('ENV PYTHONUNBUFFERED=1', 'ENV MA_MODEL=x')), ['MA211']);
  assert.deepEqual(codes(GOOD.replace('ENV PYTHONUNBUFFERED=1', 'ENV MODEL_MA=x')), []);
});

test('MA212: root or no USER is info; error for a Custom-engine model', () => {
  const noUser = GOOD.replace('USER 1000:100\n', '');
  const r = good(noUser);
  assert.deepEqual(ours(r), ['MA212']);
  assert.deepEqual(serious(r), [], 'info by default');
  assert.deepEqual(codes(GOOD.replace('USER 1000:100', 'USER root')), ['MA212']);
  const custom = check({ Dockerfile: noUser, 'server.py': SERVER, 'config.json': JSON.stringify({ model_algorithm: 'a', model_type: 'Custom' }) });
  assert.equal(custom.findings.find((f) => f.code === 'MA212')?.severity, 'error');
});

test('MA210: Docker semantics for globs beside other sources and for re-included folders', () => {
  assert.deepEqual(codes(GOOD.replace('COPY server.py /home/app/server.py', 'COPY server.py extra*.txt /home/app/')), []);
  assert.deepEqual(codes(GOOD.replace('COPY server.py', 'COPY model /home/app/model\nCOPY server.py'),
    { 'model/keep.bin': 'x', 'model/big.bin': 'x', '.dockerignore': 'model\n!model/keep.bin\n' }), []);
});

test('MA204 does not repeat other rules: a missing run.sh source is MA210, a missing command MA207', () => {
  const B = '# modelarts-service: batch\nFROM python:3.11-slim\nRUN apt-get update && apt-get install -y default-jre-headless zip\n' +
    'COPY run.sh /home/run.sh\nCOPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\n';
  assert.deepEqual(ours(check({ Dockerfile: B + 'CMD /bin/sh /home/run.sh\n', 'server.py': SERVER })), ['MA210']);
  assert.deepEqual(codes(B, { 'run.sh': 'exec python3 /home/server.py\n' }), ['MA207']);
  const cur = check({ Dockerfile: B, 'server.py': SERVER, 'run.sh': 'x' }, { profile: 'current' }).findings.find((f) => f.code === 'MA207')!;
  assert.equal(cur.fixes?.[0].edits[0].newText, '\nCMD ["sh", "/home/run.sh"]', 'the current profile writes the exec form');
});

test('MA205 stays silent when the installs cannot be read; the service kind can be forced online', () => {
  const tail = 'COPY run.sh /home/run.sh\nCOPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD /bin/sh /home/run.sh\n';
  const run = { 'run.sh': 'exec python3 /home/server.py\n', 'install.sh': 'apt-get install -y default-jre zip\n' };
  assert.deepEqual(codes('FROM python:3.11-slim\nARG PKGS="default-jre zip"\nRUN apt-get update && apt-get install -y $PKGS\n' + tail, run), []);
  assert.deepEqual(codes('FROM python:3.11-slim\nCOPY install.sh /tmp/\nRUN bash /tmp/install.sh\n' + tail, run), []);
  assert.deepEqual(codes('# modelarts-service: online\nFROM python:3.11-slim\n' + tail, run), []);
  assert.deepEqual(ours(check({ Dockerfile: 'FROM python:3.11-slim\n' + tail, 'server.py': SERVER, ...run }, { serviceKind: 'online' })), []);
});

test('variables: ENV wins over ARG of the same name; a stage built FROM another inherits its ENV', () => {
  assert.deepEqual(codes(GOOD.replace('EXPOSE 8080', 'ARG PORT=5000\nENV PORT=8080\nEXPOSE $PORT')), []);
  assert.deepEqual(codes(GOOD.replace('EXPOSE 8080', 'ENV PORT=5000\nARG PORT=8080\nEXPOSE $PORT')), ['MA201']);
  assert.deepEqual(codes('FROM python:3.11-slim AS base\nENV P=8080\nFROM base\nCOPY server.py /s.py\nEXPOSE ${P}\nUSER 1000:100\n' +
    'CMD ["python3", "/s.py"]\n'), []);
});
