// The workspace the e2e opens: a temp copy of examples/online, a config.json with known faults, and a failing
// fixture (the online example whose /greet response schema no longer matches what the server answers).
import fs from 'node:fs';
import path from 'node:path';

/** config.json faults with their codes: a typo'd key with a quick fix, a misspelled content type, a relative url. */
const BROKEN_CONFIG = `{
  "model_algorithm": "image_classification",
  "model_type": "Image",
  "apis": [
    {
      "procotol": "http",
      "url": "/",
      "method": "post",
      "request": { "Content-type": "applicaton/json", "data": { "type": "object" } },
      "response": { "Content-type": "application/json", "data": { "type": "object" } }
    }
  ],
  "health": { "url": "health", "protocol": "http" }
}
`;
export const BROKEN_CODES = ['MA104', 'MA115', 'MA111'];

/** A Python server bound to loopback on 5000: the Dockerfile's MA202/MA203 are fixed in this file. */
const LOOPBACK_SERVER = `import json
from http.server import BaseHTTPRequestHandler, HTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(json.dumps({"health": "true"}).encode())

    def do_POST(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")


HTTPServer(("127.0.0.1", 5000), Handler).serve_forever()
`;
const LOOPBACK_DOCKERFILE = 'FROM python:3.11-slim\nCOPY app.py /home/app.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["python3", "/home/app.py"]\n';

export function makeWorkspace(repo, dir) {
  const online = path.join(dir, 'online');
  fs.cpSync(path.join(repo, 'examples/online'), online, { recursive: true });

  fs.mkdirSync(path.join(dir, 'broken'));
  fs.writeFileSync(path.join(dir, 'broken/config.json'), BROKEN_CONFIG);

  // Same image as online (the build is cached), but the config now promises an integer greeting: MA407 on /greet.
  const failing = path.join(dir, 'failing');
  fs.cpSync(online, failing, { recursive: true });
  const cfgPath = path.join(failing, 'config.json');
  const cfg = JSON.parse(fs.readFileSync(cfgPath, 'utf8'));
  const greet = cfg.apis.find((a) => a.url === '/greet');
  if (!greet) throw new Error('examples/online/config.json has no /greet api to break');
  greet.response.data.properties.greeting = { type: 'integer' };
  fs.writeFileSync(cfgPath, JSON.stringify(cfg, null, 2) + '\n');

  // Where a snippet goes: a Dockerfile and server beside it, so a clean config.json has zero findings (no MA304).
  fs.mkdirSync(path.join(dir, 'scratch'));
  for (const f of ['Dockerfile', 'server.py']) fs.copyFileSync(path.join(online, f), path.join(dir, 'scratch', f));
  // A file a person picks for a multipart field: a 1x1 PNG.
  const sampleImage = path.join(dir, 'scratch', 'seven.png');
  const png = '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef' +
    '0000000049454e44ae426082';
  fs.writeFileSync(sampleImage, Buffer.from(png, 'hex'));
  // Two copies: one whose app.py the user edits without saving first, one whose app.py is never opened.
  const pyfix = {};
  for (const name of ['pyfix-open', 'pyfix-closed']) {
    const d = path.join(dir, name);
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'Dockerfile'), LOOPBACK_DOCKERFILE);
    fs.writeFileSync(path.join(d, 'app.py'), LOOPBACK_SERVER);
    fs.writeFileSync(path.join(d, 'config.json'),
      BROKEN_CONFIG.replace('"procotol"', '"protocol"').replace('applicaton', 'application').replace('"url": "health"', '"url": "/health"'));
    pyfix[name] = d;
  }
  // The same server left unfixed: the case of a run that waited out its start timeout (127.0.0.1:5000).
  const loopback = path.join(dir, 'loopback');
  fs.cpSync(pyfix['pyfix-closed'], loopback, { recursive: true });
  // The online example whose /health answers 503 for its first 3 s: bad answers told live, healthy inside the budget.
  const slowhealth = path.join(dir, 'slowhealth');
  fs.cpSync(online, slowhealth, { recursive: true });
  const server = path.join(slowhealth, 'server.py');
  const code = fs.readFileSync(server, 'utf8');
  const patched = code.replace('PORT = 8080\n', 'PORT = 8080\nimport time\nSTARTED = time.time()\n')
    .replace('self.send_json(200, {"health": "true"})', 'self.send_json(503 if time.time() - STARTED < 3 else 200, {"health": "true"})');
  if (patched.split('STARTED').length !== 3) throw new Error('examples/online/server.py changed: the slowhealth patch no longer applies');
  fs.writeFileSync(server, patched);
  return { sampleImage, online, slowhealth, pyfixOpen: pyfix['pyfix-open'], pyfixClosed: pyfix['pyfix-closed'], broken: path.join(dir, 'broken'), failing,
    scratch: path.join(dir, 'scratch'), loopback };
}
