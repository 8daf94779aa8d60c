// build: the image, streamed; a failed step points at its Dockerfile line. Nothing runs after a failed build.
import { L } from '../../core/i18n';
import { formatBytes, formatSeconds } from '../../core/units';
import { buildImage, type BuildResult } from '../build';
import { buildKey, rememberBuild, reusableImage } from '../buildCache';
import { CancelledError } from '../report';
import type { RunContext, Step, StepResult } from './step';
import { same } from '../reportText';

const lines = {
  reused: (tag: string, id: string) => L(
    `${tag} unchanged since its last build (same files, Dockerfile and build args): image ${id.slice(7, 19)} reused, nothing uploaded `
      + '(--rebuild builds anyway)',
    `${tag} 自上次构建以来未变（文件、Dockerfile 和构建参数相同）：复用镜像 ${id.slice(7, 19)}，未上传任何内容（--rebuild 可强制重新构建）`),
  built: (tag: string, b: BuildResult) => L(
    `${tag} built in ${formatSeconds(b.durationMs)} (context: ${b.context.files} files, ${formatBytes(b.context.bytes)})`,
    `${tag} 构建完成，用时 ${formatSeconds(b.durationMs)}（构建上下文：${b.context.files} 个文件，${formatBytes(b.context.bytes)}）`),
  failed: (b: BuildResult) => {
    const s = b.failedStep;
    const line = s ? s.range.start.line + 1 : 0;
    return L(
      `build failed${s ? ` at step ${s.step} (line ${line}: ${s.instruction})` : ''}: ${b.error}`,
      `构建失败${s ? `，在第 ${s.step} 步（第 ${line} 行：${s.instruction}）` : ''}：${b.error}`);
  },
};

function failed(ctx: RunContext, b: BuildResult): StepResult {
  ctx.ended = true;
  const location = b.failedStep ? { file: ctx.folder.dockerfilePath, line: b.failedStep.range.start.line + 1 } : undefined;
  return { status: 'fail', message: lines.failed(b), details: b.tail.slice(-12).map(same), location };
}

export const buildStep: Step = {
  id: 'build',
  title: L('Build the image', '构建镜像'),
  async run(ctx) {
    const { folder, options, cb, timings } = ctx;
    const key = buildKey(ctx.engine, folder.dir, folder.dockerfilePath, options.buildArgs);
    const reused = options.rebuild ? undefined : await reusableImage(ctx.engine, ctx.tag, key);
    if (reused) {
      timings.build = 0;
      return { status: 'pass', message: lines.reused(ctx.tag, reused) };
    }
    const b = await buildImage(ctx.engine, {
      dir: folder.dir, dockerfile: folder.dockerfilePath, tag: ctx.tag, signal: ctx.signal, buildArgs: options.buildArgs,
      onOutput: (l) => cb.onLog?.(l, 'build'),
    });
    timings.build = b.durationMs;
    if (b.uploadMs !== undefined) timings.upload = b.uploadMs;
    if (b.error === 'cancelled') throw new CancelledError();
    if (!b.ok) return failed(ctx, b);
    if (b.imageId) rememberBuild(ctx.tag, key, b.imageId);
    return { status: 'pass', message: lines.built(ctx.tag, b) };
  },
};
