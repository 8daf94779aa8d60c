// MA409: Batch: run.sh, python, java or zip missing in the image. Page: docs/rules/MA409.md
// Reported by the conformance run (engine/steps/batch.ts), for batch services.
import { L } from '../../i18n';
import type { Localized } from '../../types';
import { defineRule } from '../rule';

/**
 * What is wrong: `missing` names what the image lacks, `command` is the image's default command when it is not the
 * batch entry (undefined when it is).
 */
const problemsOf = (missing: string[], command: string | undefined): Localized[] => [
  ...(missing.length ? [L(`missing in the image: ${missing.join(', ')}`, `镜像中缺少：${missing.join('、')}`)] : []),
  ...(command !== undefined
    ? [L(`the default command is \`${command || '(none)'}\`, not \`/bin/sh /home/run.sh\``,
      `默认命令是 \`${command || '（无）'}\`，而不是 \`/bin/sh /home/run.sh\``)]
    : []),
];
const en = (p: Localized[]) => p.map((x) => x.en);
const zh = (p: Localized[]) => p.map((x) => x.zh);

const messages = {
  notBatchReady: (missing: string[], command: string | undefined) => {
    const p = problemsOf(missing, command);
    return L(`Batch service: ${en(p).join('; ')}.`, `批量服务：${zh(p).join('；')}。`);
  },
  /** The check's line when everything is there. */
  ready: L('/home/run.sh, python, java and zip present; CMD runs /home/run.sh', '/home/run.sh、python、java 和 zip 均已就绪；CMD 运行 /home/run.sh'),
  notBatchReadyCheck: (missing: string[], command: string | undefined) => {
    const p = problemsOf(missing, command);
    return L(en(p).join('; '), zh(p).join('；'));
  },
};

export default defineRule({
  meta: {
    code: 'MA409',
    family: 'image',
    severity: 'error',
    title: L('Batch: run.sh, python, java or zip missing in the image', '批量服务：镜像中缺少 run.sh、python、java 或 zip'),
  },
  messages,
});
