// MA200: the Dockerfile cannot be used at all (unreadable, no FROM, unknown or misplaced instruction, broken JSON form).
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../context';
import { KNOWN_INSTRUCTIONS } from '../../analysis/image';
import { find, keywordRange, argsRange } from './facts';
import { kwOf, contentOf } from '../../analysis/image';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** True when the file is so broken that MA200 alone is reported. */
export function fatallyBroken(ctx: ProjectContext): boolean {
  const d = ctx.dockerfile;
  return !!d && (!!d.unreadable || d.ast.getFROMs().length === 0);
}

export function ma200(ctx: ProjectContext): RawFinding[] {
  const d = ctx.dockerfile;
  if (!d) return [];
  if (d.unreadable) {
    return [find(ctx, 'MA200', ZERO, d.unreadable === 'binary'
      ? L('This Dockerfile is not text (it holds NUL bytes): Docker cannot build it. Replace it with a text Dockerfile.', '该 Dockerfile 不是文本文件（含 NUL 字节），Docker 无法构建。请换成文本格式的 Dockerfile。')
      : L('This Dockerfile is larger than 5 MB and is not checked: no real Dockerfile is that large. Check that the right file is named Dockerfile.', '该 Dockerfile 超过 5 MB，未做检查：正常的 Dockerfile 不会这么大。请确认文件名 Dockerfile 指向正确的文件。'))];
  }
  const out: RawFinding[] = [];
  const instrs = d.ast.getInstructions();
  if (d.ast.getFROMs().length === 0) {
    const first = instrs[0];
    return [find(ctx, 'MA200', first ? keywordRange(first) : ZERO, instrs.length
      ? L('No FROM instruction: Docker cannot build this file. Start it with a base image, e.g. FROM python:3.11-slim.', '没有 FROM 指令，Docker 无法构建。请以基础镜像开头，例如 FROM python:3.11-slim。')
      : L('The Dockerfile is empty: add a FROM line, the files to copy, EXPOSE 8080 and a CMD.', 'Dockerfile 为空：请添加 FROM、COPY 所需文件、EXPOSE 8080 以及 CMD。'))];
  }
  let seenFrom = false;
  for (const ins of instrs) {
    const kw = kwOf(ins);
    if (!KNOWN_INSTRUCTIONS.has(kw)) {
      out.push(find(ctx, 'MA200', keywordRange(ins), L(`Unknown instruction "${ins.getInstruction()}": Docker stops the build here. Check the spelling.`, `未知指令 "${ins.getInstruction()}"：Docker 构建会在此处失败。请检查拼写。`)));
      continue;
    }
    if (kw === 'FROM') seenFrom = true;
    else if (!seenFrom && kw !== 'ARG') {
      out.push(find(ctx, 'MA200', keywordRange(ins), L(`${kw} before the first FROM: only ARG may come before FROM. Move it below FROM.`, `${kw} 出现在第一个 FROM 之前：FROM 之前只能有 ARG。请将它移到 FROM 之后。`)));
    }
    if (kw === 'FROM' && !contentOf(ins).trim()) {
      out.push(find(ctx, 'MA200', keywordRange(ins), L('FROM without an image: name the base image.', 'FROM 缺少镜像名：请写出基础镜像。')));
    }
    if (kw === 'CMD' || kw === 'ENTRYPOINT' || kw === 'RUN' || kw === 'COPY' || kw === 'ADD') {
      const c = contentOf(ins).trim();
      if (c.startsWith('[') && c.endsWith(']')) {
        let ok = false;
        try { const v: unknown = JSON.parse(c); ok = Array.isArray(v) && v.every((x) => typeof x === 'string'); } catch { ok = false; }
        if (!ok) out.push(find(ctx, 'MA200', argsRange(ins), L(`The exec form of ${kw} is not a JSON array of strings (double quotes, commas): Docker would run the text through /bin/sh as written.`, `${kw} 的 exec 形式不是由字符串组成的 JSON 数组（需双引号、逗号分隔）：Docker 会把整段文本交给 /bin/sh 执行。`)));
      }
    }
  }
  return out;
}
