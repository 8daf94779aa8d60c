// Deterministic inputs for the benchmarks: config.json files of a given size, Dockerfiles of a given line count,
// and an in-memory FileSource so in-process figures measure the checks, not the disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileSource } from '../core/types';

export const repo = path.resolve(__dirname, '..');
export const typicalConfig = (): string => fs.readFileSync(path.join(repo, 'examples', 'online', 'config.json'), 'utf8');
const typicalServer = (): string => fs.readFileSync(path.join(repo, 'examples', 'online', 'server.py'), 'utf8');

/** A FileSource over a map of absolute path -> text (directories are implied by the paths); lookups are O(1). */
export function memFiles(files: Record<string, string>): FileSource {
  const norm = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  const children = new Map<string, Set<string>>();
  for (const f of Object.keys(files)) {
    for (let c = f, d = path.dirname(f); c !== d; c = d, d = path.dirname(d)) {
      if (!children.has(d)) children.set(d, new Set());
      children.get(d)!.add(path.basename(c));
    }
  }
  const text = new Map(Object.entries(files));
  return {
    readText: (p) => text.get(p),
    exists: (p) => text.has(p) || children.has(norm(p)),
    isDirectory: (p) => children.has(norm(p)),
    listDir: (p) => [...(children.get(norm(p)) ?? [])],
  };
}

/** One realistic apis entry; `i` makes its url, fields and schema distinct. */
function apiEntry(i: number, fields: number): unknown {
  const props: Record<string, unknown> = {};
  for (let k = 0; k < fields; k++) {
    props[`field_${i}_${k}`] = k % 3 === 0 ? { type: 'string' }
      : k % 3 === 1 ? { type: 'number', minimum: 0, maximum: 100 }
        : { type: 'array', items: { type: 'string' } };
  }
  return {
    protocol: 'http',
    url: `/v1/models/m${i}/predict`,
    method: 'post',
    request: { 'Content-type': 'application/json', data: { type: 'object', properties: props, required: Object.keys(props).slice(0, 2) } },
    response: {
      'Content-type': 'application/json',
      data: {
        type: 'object',
        properties: { [`result_${i}`]: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, score: { type: 'number' } } } } },
      },
    },
  };
}

/** A valid config.json of about `bytes` bytes: the typical example with as many apis entries as it takes. */
export function configOfSize(bytes: number): string {
  const base = JSON.parse(typicalConfig()) as { apis: unknown[] };
  const apis: unknown[] = [...base.apis];
  let text = JSON.stringify({ ...base, apis }, null, 2);
  for (let i = 0; text.length < bytes; i++) {
    apis.push(apiEntry(i, 4 + (i % 5)));
    if (i % 8 === 0 || bytes - text.length < 4000) text = JSON.stringify({ ...base, apis }, null, 2);
  }
  return JSON.stringify({ ...base, apis }, null, 2) + '\n';
}

const PACKAGES = ['curl', 'ca-certificates', 'libgl1', 'libglib2.0-0', 'git', 'unzip', 'procps', 'tzdata', 'locales', 'gcc'];
const PIP = ['numpy==1.26.4', 'pillow==10.3.0', 'flask==3.0.3', 'gunicorn==22.0.0', 'requests==2.32.3', 'pyyaml==6.0.1', 'scipy==1.13.0'];

/** A block of realistic instructions (RUN continuations, ENV, COPY, ARG, LABEL, WORKDIR); `i` varies it. */
function block(i: number): string[] {
  const pkgs = [0, 1, 2, 3].map((k) => PACKAGES[(i + k * 3) % PACKAGES.length]);
  const pips = [0, 1, 2].map((k) => PIP[(i + k * 2) % PIP.length]);
  switch (i % 6) {
    case 0:
      return ['RUN apt-get update \\', ...pkgs.map((p) => `    && apt-get install -y --no-install-recommends ${p} \\`), '    && rm -rf /var/lib/apt/lists/*'];
    case 1:
      return [`RUN pip install --no-cache-dir \\`, ...pips.map((p, k) => `        ${p}${k < pips.length - 1 ? ' \\' : ''}`)];
    case 2:
      return [`ENV MODEL_STAGE_${i}=/home/ma-user/stage${i} \\`, `    CACHE_${i}=/tmp/cache${i}`, `WORKDIR /home/ma-user/stage${i}`];
    case 3:
      return [
        `ARG VERSION_${i}=1.${i % 10}.0`, `LABEL stage.${i}.version="\${VERSION_${i}}"`,
        `COPY --chown=1000:100 model/part${i % 7}/ /home/ma-user/model/part${i % 7}/`,
      ];
    case 4:
      return [
        `RUN mkdir -p /home/ma-user/work${i} \\`, `    && chown -R 1000:100 /home/ma-user/work${i} \\`, `    && chmod 750 /home/ma-user/work${i}`,
        `# stage ${i}: data folders are owned by ma-user`,
      ];
    default:
      return [`RUN echo "building layer ${i}" > /tmp/layer${i}.txt`, `COPY requirements${i % 3}.txt /tmp/requirements${i % 3}.txt`];
  }
}

/** The files the generated Dockerfiles COPY, so the build context is complete. */
export function contextFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = { [`${dir}/server.py`]: typicalServer() };
  for (let k = 0; k < 7; k++) out[`${dir}/model/part${k}/weights.bin`] = 'w';
  for (let k = 0; k < 3; k++) out[`${dir}/requirements${k}.txt`] = 'numpy\n';
  return out;
}

/** A valid online-service Dockerfile of exactly `lines` lines (at least 14). */
export function dockerfileOfLines(lines: number): string {
  const head = ['FROM python:3.9-slim', 'ENV PYTHONUNBUFFERED=1', 'WORKDIR /home/ma-user'];
  const tail = ['COPY server.py /home/ma-user/server.py', 'EXPOSE 8080', 'USER 1000:100', 'CMD ["python3", "/home/ma-user/server.py"]'];
  const body: string[] = [];
  for (let i = 0; head.length + body.length + tail.length < lines; i++) {
    const b = block(i);
    const room = lines - head.length - body.length - tail.length;
    if (b.length <= room) body.push(...b);
    else for (let k = 0; k < room; k++) body.push(`# padding ${i}.${k}`);
  }
  return [...head, ...body, ...tail].join('\n') + '\n';
}
