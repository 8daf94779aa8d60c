// Model folders the cross-file rule tests share: a Dockerfile that copies one code file, a config.json with one
// api and a health url, and one code file per route framework that serves /health (GET) and /predict (POST).
export const D = (file: string, cmd: string): string =>
  `FROM python:3.11-slim\nWORKDIR /app\nCOPY ${file} /app/${file}\nEXPOSE 8080\nUSER 1000:100\nCMD ${cmd}\n`;
export const cfg = (health: string, url: string, method = 'post'): string => JSON.stringify({
  model_algorithm: 'm', model_type: 'Image',
  apis: [{
    protocol: 'http', url, method,
    request: { 'Content-type': 'application/json', data: { type: 'object' } },
    response: { 'Content-type': 'application/json', data: { type: 'object' } },
  }],
  health: { url: health, protocol: 'http' },
}, null, 2);

export interface Framework { name: string; file: string; cmd: string; code: string }
export const FW: Framework[] = [
  {
    name: 'Flask', file: 'app.py', cmd: 'gunicorn -b 0.0.0.0:8080 app:app',
    code: `from flask import Flask\napp = Flask(__name__)\n@app.route("/health")\ndef h():\n`
      + `    return {"health": "true"}\n@app.route("/predict",\n           methods=["POST"])\ndef p():\n`
      + `    return {}\n`,
  },
  {
    name: 'FastAPI', file: 'main.py', cmd: 'uvicorn main:app --host 0.0.0.0 --port 8080',
    code: `from fastapi import FastAPI\napp = FastAPI()\n@app.get("/health")\ndef h():\n`
      + `    return {"health": "true"}\n@app.post("/predict")\ndef p():\n    return {}\n`,
  },
  {
    name: 'aiohttp', file: 'srv.py', cmd: 'python srv.py',
    code: `from aiohttp import web\napp = web.Application()\napp.router.add_get("/health", h)\n`
      + `app.add_routes([web.post("/predict", p)])\nweb.run_app(app, port=8080)\n`,
  },
  {
    name: 'Tornado', file: 'srv.py', cmd: 'python srv.py',
    code: `import tornado.web\napp = tornado.web.Application([(r"/health", H), (r"/predict", P)])\n`
      + `app.listen(8080)\n`,
  },
  {
    name: 'http.server', file: 'srv.py', cmd: 'python srv.py',
    code: `from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n`
      + `    def do_GET(self):\n        if self.path == "/health":\n            pass\n`
      + `    def do_POST(self):\n        if self.path in ("/predict", "/v2"):\n            pass\n`
      + `HTTPServer(("0.0.0.0", 8080), H).serve_forever()\n`,
  },
  {
    name: 'Express', file: 'server.js', cmd: 'node server.js',
    code: `const express = require('express');\nconst app = express();\n`
      + `app.get('/health', (req, res) => res.json({health: 'true'}));\n`
      + `app.post('/predict/:model?', (req, res) => res.json({}));\napp.listen(8080);\n`,
  },
  {
    name: 'Spring', file: 'Api.java', cmd: 'java -jar app.jar',
    code: `@RestController\n@RequestMapping("/")\npublic class Api {\n  @GetMapping("health")\n`
      + `  public String h() { return ""; }\n  @PostMapping(value = "/predict")\n`
      + `  public String p() { return ""; }\n}\n`,
  },
];

/** The Flask folder started with `python app.py`, with the given config.json. */
export const flask = (config: string): Record<string, string> => ({ Dockerfile: D('app.py', 'python app.py'), 'app.py': FW[0].code, 'config.json': config });
