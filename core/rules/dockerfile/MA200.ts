// MA200: The Dockerfile cannot be used. Page: docs/rules/MA200.md
import type { Instruction } from 'dockerfile-ast';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import type { DockerfileDoc } from '../../parse/dockerfile';
import { KNOWN_INSTRUCTIONS, kwOf, contentOf } from '../../analysis/image';
import { find, keywordRange, argsRange } from '../../analysis/dockerfile/facts';

const messages = {
  binary: L(
    'This Dockerfile is not text (it holds NUL bytes): Docker cannot build it. Replace it with a text Dockerfile.',
    '该 Dockerfile 不是文本文件（含 NUL 字节），Docker 无法构建。请换成文本格式的 Dockerfile。'),
  tooLarge: L(
    'This Dockerfile is larger than 5 MB and is not checked: no real Dockerfile is that large. Check that the right file is named Dockerfile.',
    '该 Dockerfile 超过 5 MB，未做检查：正常的 Dockerfile 不会这么大。请确认文件名 Dockerfile 指向正确的文件。'),
  noFrom: L(
    'No FROM instruction: Docker cannot build this file. Start it with a base image, e.g. FROM python:3.11-slim.',
    '没有 FROM 指令，Docker 无法构建。请以基础镜像开头，例如 FROM python:3.11-slim。'),
  empty: L(
    'The Dockerfile is empty: add a FROM line, the files to copy, EXPOSE 8080 and a CMD.',
    'Dockerfile 为空：请添加 FROM、COPY 所需文件、EXPOSE 8080 以及 CMD。'),
  unknown: (instruction: string) => L(
    `Unknown instruction "${instruction}": Docker stops the build here. Check the spelling.`,
    `未知指令 "${instruction}"：Docker 构建会在此处失败。请检查拼写。`),
  beforeFrom: (kw: string) => L(
    `${kw} before the first FROM: only ARG may come before FROM. Move it below FROM.`,
    `${kw} 出现在第一个 FROM 之前：FROM 之前只能有 ARG。请将它移到 FROM 之后。`),
  fromWithoutImage: L('FROM without an image: name the base image.', 'FROM 缺少镜像名：请写出基础镜像。'),
  badExecForm: (kw: string) => L(
    `The exec form of ${kw} is not a JSON array of strings (double quotes, commas): Docker would run the text through /bin/sh as written.`,
    `${kw} 的 exec 形式不是由字符串组成的 JSON 数组（需双引号、逗号分隔）：Docker 会把整段文本交给 /bin/sh 执行。`),
};

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const EXEC_FORM = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'COPY', 'ADD']);

/** A file that is no Dockerfile at all: binary, too large, empty, or without FROM. One finding, or none. */
function unusable(ctx: ProjectContext, d: DockerfileDoc): RawFinding | undefined {
  if (d.unreadable) return find(ctx, 'MA200', ZERO, d.unreadable === 'binary' ? messages.binary : messages.tooLarge);
  if (d.ast.getFROMs().length > 0) return undefined;
  const first = d.ast.getInstructions()[0];
  return find(ctx, 'MA200', first ? keywordRange(first) : ZERO, first ? messages.noFrom : messages.empty);
}

/** `["a" "b"]`: looks like the exec form but is no JSON array of strings. */
function brokenExecForm(ins: Instruction): boolean {
  const c = contentOf(ins).trim();
  if (!c.startsWith('[') || !c.endsWith(']')) return false;
  try {
    const v: unknown = JSON.parse(c);
    return !(Array.isArray(v) && v.every((x) => typeof x === 'string'));
  } catch {
    return true;
  }
}

/** Unknown or misplaced instructions, FROM without an image, broken exec forms. */
function instructionProblems(ctx: ProjectContext, instrs: Instruction[]): RawFinding[] {
  const out: RawFinding[] = [];
  let seenFrom = false;
  for (const ins of instrs) {
    const kw = kwOf(ins);
    if (!KNOWN_INSTRUCTIONS.has(kw)) {
      out.push(find(ctx, 'MA200', keywordRange(ins), messages.unknown(ins.getInstruction())));
      continue;
    }
    if (kw === 'FROM') seenFrom = true;
    else if (!seenFrom && kw !== 'ARG') out.push(find(ctx, 'MA200', keywordRange(ins), messages.beforeFrom(kw)));
    if (kw === 'FROM' && !contentOf(ins).trim()) out.push(find(ctx, 'MA200', keywordRange(ins), messages.fromWithoutImage));
    if (EXEC_FORM.has(kw) && brokenExecForm(ins)) out.push(find(ctx, 'MA200', argsRange(ins), messages.badExecForm(kw)));
  }
  return out;
}

export default defineRule({
  meta: {
    code: 'MA200',
    family: 'dockerfile',
    severity: 'error',
    title: L('The Dockerfile cannot be used', 'Dockerfile 无法使用'),
  },
  messages,
  check(ctx) {
    const d = ctx.dockerfile;
    if (!d) return [];
    const u = unusable(ctx, d);
    return u ? [u] : instructionProblems(ctx, d.ast.getInstructions());
  },
});
