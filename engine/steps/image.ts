// What the built image is (size, platform, command, layers), read once for the steps that need it. A start command
// inherited from the base image counts too: one running /home/run.sh makes the service batch, unless the setting or
// a Dockerfile comment said otherwise.
import { runsBatchEntry } from '../../core/analysis/service';
import { inspectImage, type ImageFacts } from '../inspect';
import type { RunContext } from './step';

export async function imageFacts(ctx: RunContext): Promise<ImageFacts> {
  if (ctx.facts) return ctx.facts;
  const facts = await inspectImage(ctx.engine, ctx.tag, ctx.folder.dockerfilePath);
  ctx.facts = facts;
  if (!ctx.kindIsExplicit && runsBatchEntry([...facts.entrypoint, ...facts.cmd].join(' '))) ctx.report.serviceKind = 'batch';
  return facts;
}
