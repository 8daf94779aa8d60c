// The built image: size against the profile's limit with the layers that make it big (MA401), platform
// (MA402), and for batch services the entry command and the components ModelArts needs inside (MA409).
import type { Engine } from './connect';
import { createAndStart, tapLogs } from './container';
import { parseDockerfile } from '../core/parse/dockerfile';
import { imageModel } from '../core/analysis/image';
import { diskFiles } from '../core/files';
import type { Range } from '../core/types';

export interface Layer {
  size: number;
  createdBy: string;
  /** The Dockerfile instruction that made the layer; undefined for the base image's layers. */
  line?: number;
  range?: Range;
  instruction?: string;
  /** The base image's layers, folded into this one row. */
  base?: true;
}

export interface ImageFacts {
  id: string;
  size: number;
  os: string;
  architecture: string;
  variant?: string;
  cmd: string[];
  entrypoint: string[];
  /** The image's USER ('' when it sets none: root). */
  user: string;
  /** Biggest first; the base image's layers folded into one row. */
  layers: Layer[];
}

/** Instructions of the final stage after its FROM (core's final stage), as the classic builder records one history entry for each. */
function finalStage(dockerfile: string | undefined): { keyword: string; text: string; range: Range }[] {
  const text = dockerfile ? diskFiles.readText(dockerfile) : undefined;
  if (!dockerfile || text === undefined) return [];
  const doc = parseDockerfile(dockerfile, text);
  const instrs = imageModel(doc).final?.instrs ?? [];
  return instrs.map((i) => ({ keyword: i.getKeyword(), text: doc.doc.getText(i.getRange()).split('\n')[0], range: i.getRange() }));
}

export async function inspectImage(engine: Engine, image: string, dockerfile?: string): Promise<ImageFacts> {
  const img = engine.docker.getImage(image);
  const info = (await img.inspect()) as {
    Id: string; Size: number; Os: string; Architecture: string; Variant?: string;
    Config?: { Cmd?: string[] | null; Entrypoint?: string[] | null; User?: string };
  };
  const history = (await img.history()) as { CreatedBy: string; Size: number }[];
  // history is newest first; walk the final stage backwards alongside it.
  const stage = finalStage(dockerfile).reverse();
  const layers: Layer[] = [];
  let base: Layer | undefined;
  history.forEach((h, n) => {
    const ins = stage[n];
    if (ins && matches(h.CreatedBy, ins.keyword)) {
      layers.push({ size: h.Size, createdBy: h.CreatedBy, line: ins.range.start.line + 1, range: ins.range, instruction: ins.text });
    }
    else {
      base ??= { size: 0, createdBy: 'base image', instruction: 'FROM (base image layers)', base: true };
      base.size += h.Size;
    }
  });
  if (base) layers.push(base);
  layers.sort((a, b) => b.size - a.size);
  return {
    id: info.Id, size: info.Size, os: info.Os, architecture: info.Architecture, variant: info.Variant,
    cmd: info.Config?.Cmd ?? [], entrypoint: info.Config?.Entrypoint ?? [], user: info.Config?.User ?? '', layers,
  };
}

function matches(createdBy: string, keyword: string): boolean {
  const nop = /#\(nop\)\s+([A-Z]+)/.exec(createdBy);
  if (keyword === 'RUN') return !nop;
  return !!nop && nop[1] === keyword;
}

/** `CMD /bin/sh /home/run.sh` (seed) or `CMD ["sh", "/home/run.sh"]` (current), as the image records them. */
export function isRunShCommand(entrypoint: string[], cmd: string[]): boolean {
  const all = [...entrypoint, ...cmd].join(' ').replace(/\s+/g, ' ').trim();
  return /^(\/bin\/sh -c )?((\/bin\/|\/usr\/bin\/)?(sh|bash) )?\/home\/run\.sh$/.test(all)
    || /^\/bin\/sh -c "?(\/bin\/)?(sh|bash) \/home\/run\.sh"?$/.test(all);
}

interface BatchFacts {
  runSh: boolean;
  python: boolean;
  java: boolean;
  zip: boolean;
  commandOk: boolean;
  command: string;
}

/** Looks inside the image with a throwaway container (labelled, removed by the caller's cleanup). */
export async function inspectBatch(engine: Engine, image: string, facts: ImageFacts, track: (id: string) => void): Promise<BatchFacts> {
  const script =
    'test -f /home/run.sh && echo has:run; ' +
    '(command -v python3 || command -v python) >/dev/null 2>&1 && echo has:python; ' +
    'command -v java >/dev/null 2>&1 && echo has:java; ' +
    'command -v zip >/dev/null 2>&1 && echo has:zip; true';
  const found = new Set<string>();
  try {
    const run = await createAndStart(engine, { image, entrypoint: ['/bin/sh', '-c'], cmd: [script] }, false);
    track(run.id);
    const tap = await tapLogs(engine, run.container, (l) => l.startsWith('has:') && found.add(l.slice(4)));
    await run.container.wait();
    await tap.drained(2000);
    tap.stop();
  } catch {
    // No /bin/sh in the image: nothing ModelArts needs can run there either.
  }
  const command = [...facts.entrypoint, ...facts.cmd].join(' ');
  return {
    runSh: found.has('run'), python: found.has('python'), java: found.has('java'), zip: found.has('zip'),
    commandOk: isRunShCommand(facts.entrypoint, facts.cmd), command,
  };
}
