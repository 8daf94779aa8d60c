// MA201: Port 8080 is not exposed.
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { GOOD, SERVER } from '../helpers/folders';

const online = (dockerfile: string) => ({ Dockerfile: dockerfile, 'server.py': SERVER });
const ONLINE = (cmd: string) => `FROM python:3.11-slim\nCOPY server.py /home/app/server.py\nEXPOSE 8080\nUSER 1000:100\n${cmd}\n`;
const NO_PORT_SERVER = SERVER.replace(/HTTPServer\(.*\n/, '');
const noExpose = (cmd: string) => ({ Dockerfile: ONLINE(cmd).replace('EXPOSE 8080\n', ''), 'server.py': SERVER });

ruleTester('MA201', {
  valid: [
    { name: 'EXPOSE 8080', files: online(GOOD), alone: true },
    { name: 'ARG expanded', files: online('ARG PORT=8080\n' + GOOD.replace('EXPOSE 8080', 'ARG PORT\nEXPOSE ${PORT}')), alone: true },
    { name: 'ENV expanded, /tcp', files: online(GOOD.replace('EXPOSE 8080', 'ENV P=8080\nEXPOSE $P/tcp')), alone: true },
    { name: 'a range covering 8080', files: online(GOOD.replace('EXPOSE 8080', 'EXPOSE 8000-8090')), alone: true },
    { name: 'an unresolved variable is not judged', files: online(GOOD.replace('EXPOSE 8080', 'EXPOSE $UNKNOWN')), alone: true },
    { name: 'ENV wins over ARG of the same name', files: online(GOOD.replace('EXPOSE 8080', 'ARG PORT=5000\nENV PORT=8080\nEXPOSE $PORT')), alone: true },
    {
      name: 'a stage built FROM another inherits its ENV',
      files: online('FROM python:3.11-slim AS base\nENV P=8080\nFROM base\nCOPY server.py /s.py\nEXPOSE ${P}\nUSER 1000:100\nCMD ["python3", "/s.py"]\n'),
      alone: true,
    },
  ],
  invalid: [
    { name: 'no EXPOSE', files: online(GOOD.replace('EXPOSE 8080\n', '')), alone: true, count: 1, line: 0 },
    { name: 'another port', files: online(GOOD.replace('EXPOSE 8080', 'EXPOSE 5000')), alone: true, count: 1, line: 4 },
    { name: 'ARG shadowed by ENV', files: online(GOOD.replace('EXPOSE 8080', 'ENV PORT=5000\nARG PORT=8080\nEXPOSE $PORT')), alone: true },
    {
      name: 'no EXPOSE while the code serves 0.0.0.0:8080: a hint that says where',
      files: noExpose('CMD ["python3", "/home/app/server.py"]'),
      severity: 'hint',
      message: /Nothing is wrong for ModelArts.*server\.py:\d+/,
      fixed: true,
    },
    { name: 'gunicorn -b 0.0.0.0:8080: a hint', files: noExpose('CMD ["gunicorn", "-b", "0.0.0.0:8080", "server:app"]'), severity: 'hint' },
    {
      name: 'EXPOSE 5000 while the code serves 8080: a hint',
      files: { ...noExpose('CMD ["python3", "/home/app/server.py"]'),
        Dockerfile: ONLINE('EXPOSE 5000\nCMD ["python3", "/home/app/server.py"]').replace('EXPOSE 8080\n', '') },
      severity: 'hint',
      count: 1,
    },
    { name: 'nothing tells the port: a warning', files: noExpose('CMD ["/home/app/serve"]'), severity: 'warning', count: 1 },
    { name: 'the server on another port: a warning', files: noExpose('CMD ["gunicorn", "-b", "0.0.0.0:5000", "server:app"]'), severity: 'warning', count: 1 },
    {
      name: 'EXPOSE 8080/udp does not cover 8080/tcp',
      files: { Dockerfile: ONLINE('CMD ["/home/app/serve"]').replace('EXPOSE 8080', 'EXPOSE 8080/udp') },
      severity: 'warning',
      count: 1,
      message: /EXPOSE 8080\/udp but not 8080/,
    },
    {
      name: 'the fix adds EXPOSE 8080 before CMD',
      files: { Dockerfile: ONLINE('CMD ["python3", "/home/app/server.py"]').replace('EXPOSE 8080\n', ''), 'server.py': NO_PORT_SERVER },
      fixed: true,
    },
    {
      name: 'the fix at the end of a file without a final newline',
      files: { Dockerfile: 'FROM python:3.11-slim\nCOPY server.py /s.py\nUSER 1000:100\nENTRYPOINT ["python3", "/s.py"]', 'server.py': NO_PORT_SERVER },
      fixed: true,
    },
    {
      name: 'the fix replaces another port',
      files: { Dockerfile: ONLINE('CMD ["python3", "/home/app/server.py"]').replace('EXPOSE 8080', 'EXPOSE 5000'), 'server.py': NO_PORT_SERVER },
      fixed: true,
      then: (found) => assert.equal(found[0].fixes?.[0].edits[0].newText, '8080'),
    },
  ],
});

const DEPLOY = { 'modelarts-deploy.json': '{ "port": 9000 }' };
const SERVER_9000 = SERVER.replace('8080', '9000');
ruleTester('MA201', {
  valid: [
    { name: 'current: EXPOSE 9000 as the deployment file sets',
      files: { ...online(GOOD.replace('EXPOSE 8080', 'EXPOSE 9000')), 'server.py': SERVER_9000, ...DEPLOY },
      opts: { profile: 'current' }, alone: true },
    { name: 'seed-2021: EXPOSE 8080, the deployment file\'s port does not count', files: { ...online(GOOD), ...DEPLOY } },
  ],
  invalid: [
    {
      name: 'current: EXPOSE 8080 but the deployment file sets 9000: Expose 9000 instead',
      files: { ...online(GOOD), ...DEPLOY }, opts: { profile: 'current' }, count: 1,
      message: /EXPOSE 8080 but not 9000: ModelArts sends requests to port 9000 \(the deployment file sets port 9000\)/,
      fixed: true, whenFixed: (f) => assert.match(f.Dockerfile, /EXPOSE 9000\n/),
    },
    {
      name: 'current: no EXPOSE, the code serves 0.0.0.0:9000: a hint adding EXPOSE 9000',
      files: { Dockerfile: GOOD.replace('EXPOSE 8080\n', ''), 'server.py': SERVER_9000, ...DEPLOY }, opts: { profile: 'current' }, count: 1, severity: 'hint',
      then: (found) => assert.equal(found[0].fixes?.[0].title.en, 'Add EXPOSE 9000'),
    },
    {
      name: 'seed-2021: EXPOSE 9000 as the deployment file says is still not 8080, and the message says why',
      files: { ...online(GOOD.replace('EXPOSE 8080', 'EXPOSE 9000')), ...DEPLOY }, count: 1,
      message: /EXPOSE 9000 but the server listens on 8080 .*under seed-2021 it is always 8080/,
    },
  ],
});
