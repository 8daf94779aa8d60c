// MA304: a model folder with a Dockerfile but no config.json, or an Image config.json with no Dockerfile near it.
import type { RawFinding, Range } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../context';

const CONFIG_SNIPPET = '{"model_algorithm": "my_model", "model_type": "Image", "apis": [{"protocol": "http", "url": "/", "method": "post", "request": {"Content-type": "application/json", "data": {"type": "object"}}, "response": {"Content-type": "application/json", "data": {"type": "object"}}}], "health": {"url": "/health", "protocol": "http"}}';
const DOCKERFILE_SNIPPET = 'FROM python:3.11-slim / COPY server.py /home/app/server.py / EXPOSE 8080 / USER 1000:100 / CMD ["python3", "/home/app/server.py"]';
const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function ma304(ctx: ProjectContext): RawFinding[] {
  const { folder } = ctx;
  if (folder.dockerfilePath && !folder.configPath && ctx.dockerfile) {
    const first = ctx.dockerfile.ast.getInstructions()[0];
    return [{
      code: 'MA304', file: folder.dockerfilePath, range: first ? first.getInstructionRange() : ZERO,
      message: L(`This looks like a ModelArts model folder but has no config.json: ModelArts needs one beside the image to know its apis and health check. Create config.json, e.g. ${CONFIG_SNIPPET}`,
        `这看起来是 ModelArts 模型目录，但缺少 config.json：ModelArts 需要它来了解镜像的 apis 和健康检查。请创建 config.json，例如 ${CONFIG_SNIPPET}`),
    }];
  }
  if (folder.configPath && !folder.dockerfilePath && ctx.config) {
    const v = ctx.config.value as { model_type?: unknown } | undefined;
    if (v?.model_type !== 'Image') return [];
    const node = ctx.config.nodeAt(['model_type']);
    return [{
      code: 'MA304', file: folder.configPath, range: node ? ctx.config.rangeOf(node.offset, node.length) : ZERO,
      message: L(`An Image model, but no Dockerfile is near this config.json, so the image cannot be checked or built from here. If the image is built elsewhere, ignore this; otherwise add a Dockerfile, e.g. ${DOCKERFILE_SNIPPET}`,
        `这是 Image 模型，但 config.json 旁边没有 Dockerfile，因此无法在此检查或构建镜像。如果镜像在别处构建，可忽略此提示；否则请添加 Dockerfile，例如 ${DOCKERFILE_SNIPPET}`),
    }];
  }
  return [];
}
