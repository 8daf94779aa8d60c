// MA409: Batch: run.sh, python, java or zip missing in the image. Page: docs/rules/MA409.md
// Reported by the conformance run (engine/steps/batch.ts), for batch services.
import { L } from '../../i18n';
import { defineRule } from '../rule';

/**
 * What is wrong, in English in both languages (as so far): `missing` names what the image lacks, `command` is the
 * image's default command when it is not the batch entry (undefined when it is).
 */
const problemsOf = (missing: string[], command: string | undefined): string[] => [
  ...(missing.length ? [`missing in the image: ${missing.join(', ')}`] : []),
  ...(command !== undefined ? [`the default command is \`${command || '(none)'}\`, not \`/bin/sh /home/run.sh\``] : []),
];

const messages = {
  notBatchReady: (missing: string[], command: string | undefined) => {
    const p = problemsOf(missing, command);
    return L(`Batch service: ${p.join('; ')}.`, p.join('；'));
  },
  notBatchReadyCheck: (missing: string[], command: string | undefined) => {
    const p = problemsOf(missing, command);
    return L(p.join('; '), p.join('；'));
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
