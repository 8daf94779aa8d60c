// MA304: A model folder misses its config.json or Dockerfile. Page: docs/rules/MA304.md
import { rangeOfNode } from '../../analysis/config/paths';
import type { RawFinding, Range } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';

const CONFIG_SNIPPET = '{"model_algorithm": "my_model", "model_type": "Image", "apis": [{"protocol": "http", "url": "/", "method": "post", '
  + '"request": {"Content-type": "application/json", "data": {"type": "object"}}, "response": {"Content-type": "application/json", '
  + '"data": {"type": "object"}}}], "health": {"url": "/health", "protocol": "http"}}';
const DOCKERFILE_SNIPPET = 'FROM python:3.11-slim / COPY server.py /home/app/server.py / EXPOSE 8080 / USER 1000:100 / '
  + 'CMD ["python3", "/home/app/server.py"]';

const messages = {
  noConfig: L(
    'This looks like a ModelArts model folder but has no config.json: ModelArts needs one beside the image to know its apis and '
      + `health check. Create config.json, e.g. ${CONFIG_SNIPPET}`,
    `这看起来是 ModelArts 模型目录，但缺少 config.json：ModelArts 需要它来了解镜像的 apis 和健康检查。请创建 config.json，例如 ${CONFIG_SNIPPET}`),
  noDockerfile: L(
    'An Image model, but no Dockerfile is near this config.json, so the image cannot be checked or built from here. '
      + `If the image is built elsewhere, ignore this; otherwise add a Dockerfile, e.g. ${DOCKERFILE_SNIPPET}`,
    '这是 Image 模型，但 config.json 旁边没有 Dockerfile，因此无法在此检查或构建镜像。如果镜像在别处构建，可忽略此提示；'
      + `否则请添加 Dockerfile，例如 ${DOCKERFILE_SNIPPET}`),
};

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A Dockerfile without config.json: on its first instruction. */
function noConfig(ctx: ProjectContext, dockerfilePath: string): RawFinding {
  const first = ctx.dockerfile!.ast.getInstructions()[0];
  return { code: 'MA304', file: dockerfilePath, range: first ? first.getInstructionRange() : ZERO, message: messages.noConfig };
}

/** An Image config.json without a Dockerfile: on its model_type. */
function noDockerfile(ctx: ProjectContext, configPath: string): RawFinding[] {
  const cfg = ctx.config!;
  if ((cfg.value as { model_type?: unknown } | undefined)?.model_type !== 'Image') return [];
  const node = cfg.nodeAt(['model_type']);
  return [{ code: 'MA304', file: configPath, range: node ? rangeOfNode(cfg, node) : ZERO, message: messages.noDockerfile }];
}

export default defineRule({
  meta: {
    code: 'MA304',
    family: 'project',
    severity: 'info',
    title: L('A model folder misses its config.json or Dockerfile', '模型目录缺少 config.json 或 Dockerfile'),
  },
  messages,
  check(ctx) {
    const { folder } = ctx;
    if (folder.dockerfilePath && !folder.configPath && ctx.dockerfile) return [noConfig(ctx, folder.dockerfilePath)];
    if (folder.configPath && !folder.dockerfilePath && ctx.config) return noDockerfile(ctx, folder.configPath);
    return [];
  },
});
