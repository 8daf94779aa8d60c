// MA402: The image is not linux/amd64. Page: docs/rules/MA402.md
// Reported by the conformance run (engine/steps/platform.ts).
import { L } from '../../i18n';
import { defineRule } from '../rule';

const messages = {
  /** `platform`: os/architecture[/variant] of the image. */
  notAmd64: (platform: string) => L(
    `The image is ${platform}; ModelArts runs linux/amd64 images.`,
    `镜像平台为 ${platform}，ModelArts 运行 linux/amd64 镜像`),
  notAmd64Check: (platform: string) => L(`${platform}, not linux/amd64`, `${platform}，不是 linux/amd64`),
};

export default defineRule({
  meta: {
    code: 'MA402',
    family: 'image',
    severity: 'error',
    title: L('The image is not linux/amd64', '镜像不是 linux/amd64'),
  },
  messages,
});
