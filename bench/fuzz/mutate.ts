// Mutations of valid config.json files and Dockerfiles: byte flips, truncation, splices, token insertions, deep
// nesting, huge strings, structural JSON edits. Sizes are bounded by `scale` so the quick round stays quick.
import { Rng } from './prng';

export type Kind = 'json' | 'dockerfile' | 'text';

const JSON_TOKENS = [
  '{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '\\ud800', 'null', 'true', '-0', '1e999', '0x10', '//', '/*', '*/',
  '\n', '\r', '\t', '\u0000', '\ufeff', '\u2028', '😀', '"apis"', '"url"', '"health"', '"model_type":', '"Image"', '"/"', '""',
];
const DOCKER_TOKENS = [
  '\\\n', '\\', '\n', '\r\n', 'FROM ', 'RUN ', 'CMD ', 'ENTRYPOINT ', 'EXPOSE ', 'USER ', 'COPY ', 'ADD ', 'ENV ', 'ARG ',
  'HEALTHCHECK ', 'ONBUILD ', 'SHELL ', 'WORKDIR ', 'LABEL ', '${', '}', '$(', ')', '"', "'", '[', ']', '<<EOF\n', '\nEOF\n', '<<-',
  '# escape=`\n', '# modelarts-ignore ', '&&', '||', ';', '|', '>', '2>&1', ' &', 'nohup ', 'python ', 'gunicorn -b 0.0.0.0:',
  'uvicorn --port ', '8080', '65536', '-1', '--from=', 'AS ', 'stage', '/home/run.sh', '\u0000', '\ufeff', '😀',
];
const TEXT_TOKENS = [
  '\n', '@app.route(', "'/", '")', 'app.run(port=', 'host="0.0.0.0"', 'def ', 'import ', '\\', '"""', '\u0000', '8080', 'exec ',
  '#!/bin/sh\n', '$1', '${PORT:-8080}',
];

const tokensOf = (k: Kind) => (k === 'json' ? JSON_TOKENS : k === 'dockerfile' ? DOCKER_TOKENS : TEXT_TOKENS);

type Mutator = (t: string, r: Rng, k: Kind, scale: number) => string;

const at = (t: string, r: Rng) => r.int(t.length + 1);

const byteFlip: Mutator = (t, r) => {
  const b = Buffer.from(t, 'utf8');
  if (!b.length) return t;
  for (let n = 1 + r.int(8); n > 0; n--) b[r.int(b.length)] ^= 1 << r.int(8);
  // Flipped bytes may no longer be UTF-8: decoding replaces them, or latin1 keeps every byte as a character.
  return r.chance(0.5) ? b.toString('utf8') : b.toString('latin1');
};
const truncate: Mutator = (t, r) => t.slice(0, at(t, r));
const cut: Mutator = (t, r) => {
  const a = at(t, r);
  return t.slice(0, a) + t.slice(a + r.int(64));
};
const duplicate: Mutator = (t, r) => {
  const a = at(t, r);
  const piece = t.slice(a, a + r.int(200));
  return t.slice(0, a) + piece.repeat(1 + r.int(4)) + t.slice(a);
};
const insertToken: Mutator = (t, r, k) => {
  let out = t;
  for (let n = 1 + r.int(4); n > 0; n--) {
    const a = at(out, r);
    out = out.slice(0, a) + r.pick(tokensOf(k)) + out.slice(a);
  }
  return out;
};
const swapLines: Mutator = (t, r) => {
  const lines = t.split('\n');
  if (lines.length < 2) return t;
  const i = r.int(lines.length);
  const j = r.int(lines.length);
  [lines[i], lines[j]] = [lines[j], lines[i]];
  return r.chance(0.3) ? lines.filter((_, x) => x !== i).join('\n') : lines.join('\n');
};
const deepNesting: Mutator = (t, r, k, scale) => {
  const depth = r.pick([50, 500, 5000, 20000].filter((d) => d <= 500 * scale || d === 50));
  const a = at(t, r);
  let piece: string;
  if (k === 'json') {
    piece = r.chance(0.5) ? '['.repeat(depth) + ']'.repeat(r.chance(0.5) ? depth : r.int(depth)) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  } else if (k === 'dockerfile') {
    const kinds = [
      '${A:-'.repeat(depth) + 'x' + '}'.repeat(depth), '$('.repeat(depth) + 'true' + ')'.repeat(depth),
      'RUN echo a \\\n'.repeat(depth) + 'b\n', '"'.repeat(depth), '[' .repeat(depth),
    ];
    piece = r.pick(kinds);
  } else piece = '('.repeat(depth) + ')'.repeat(depth);
  return t.slice(0, a) + piece + t.slice(a);
};
const hugeString: Mutator = (t, r, k, scale) => {
  // Megabyte strings are rare: each costs the parsers ~0.5 s, and the point is to hit them, not to spend the run on them.
  const len = Math.max(1, Math.floor((r.chance(0.03) ? 1_000_000 : r.pick([200, 4_000, 64_000])) * Math.min(1, scale)));
  const ch = r.pick(['a', ' ', '\\', '"', '\n', '😀', '0', 'é']);
  const a = at(t, r);
  const piece = ch.repeat(Math.max(1, Math.floor(len / ch.length)));
  return t.slice(0, a) + (k === 'json' && r.chance(0.5) ? `"${piece}"` : piece) + t.slice(a);
};

/** Structural edits of a parseable config: change types, drop or add keys, replace arrays. */
const jsonStructure: Mutator = (t, r) => {
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return t;
  }
  const odd = (): unknown => r.pick([null, true, 0, -1, 1e308, '', 'x'.repeat(r.int(300)), [], {}, [null], { type: 'file' }, '/', '8080', 3.5]);
  const walk = (x: unknown, depth: number): unknown => {
    if (Array.isArray(x)) {
      if (r.chance(0.1)) return odd();
      const out = x.map((y) => walk(y, depth + 1));
      if (r.chance(0.1)) out.push(odd());
      if (r.chance(0.1)) out.splice(r.int(out.length + 1), 1);
      return out;
    }
    if (x && typeof x === 'object') {
      if (r.chance(0.05)) return odd();
      const out: Record<string, unknown> = {};
      for (const [key, val] of Object.entries(x)) {
        if (r.chance(0.08)) continue;
        out[r.chance(0.05) ? key.toUpperCase() : key] = walk(val, depth + 1);
      }
      if (r.chance(0.1)) out[r.pick(['apis', 'health', 'url', 'type', 'properties', 'required', 'Content-type', 'method', 'protocol', 'x'])] = odd();
      return out;
    }
    return r.chance(0.15) ? odd() : x;
  };
  return JSON.stringify(walk(v, 0), null, r.pick([0, 2, 4]));
};

const MUTATORS: [string, Mutator, number][] = [
  ['byteFlip', byteFlip, 3],
  ['truncate', truncate, 2],
  ['cut', cut, 3],
  ['duplicate', duplicate, 2],
  ['insertToken', insertToken, 5],
  ['swapLines', swapLines, 2],
  ['deepNesting', deepNesting, 1],
  ['hugeString', hugeString, 1],
  ['jsonStructure', jsonStructure, 3],
];
const TOTAL = MUTATORS.reduce((s, m) => s + m[2], 0);

/** 1-3 mutations of `text`; returns the text and the mutators used (for the crash report). */
export function mutate(text: string, kind: Kind, r: Rng, scale = 1): { text: string; ops: string[] } {
  let out = text;
  const ops: string[] = [];
  for (let n = 1 + r.int(3); n > 0; n--) {
    let x = r.int(TOTAL);
    const m = MUTATORS.find((m) => (x -= m[2]) < 0)!;
    if (m[0] === 'jsonStructure' && kind !== 'json') continue;
    out = m[1](out, r, kind, scale);
    ops.push(m[0]);
  }
  return { text: out, ops };
}
