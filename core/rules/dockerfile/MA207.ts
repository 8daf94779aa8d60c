// MA207: No CMD or ENTRYPOINT. Page: docs/rules/MA207.md
import type { Fix } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import { baseInfo } from '../../analysis/base';
import { facts, find, fix, insertAfter, type Facts } from '../../analysis/dockerfile/facts';
import { batchCmd } from '../../analysis/dockerfile/batch';

const messages = {
  noCommand: L(
    'No CMD or ENTRYPOINT: nothing serves on port 8080 when the container starts. Add a CMD that starts your server in the '
      + 'foreground, e.g. CMD ["python3", "server.py"].',
    '没有 CMD 或 ENTRYPOINT：容器启动后没有服务监听 8080 端口。请添加在前台启动服务的 CMD，例如 CMD ["python3", "server.py"]。'),
  addFix: (cmd: string) => L(`Add ${cmd}`, `添加 ${cmd}`),
};

/** A batch service's command is known (/bin/sh /home/run.sh): the fix adds it at the end. */
function batchFix(ctx: ProjectContext, f: Facts): Fix[] | undefined {
  if (f.service.kind !== 'batch') return undefined;
  const cmd = batchCmd(ctx);
  return [fix(messages.addFix(cmd), [insertAfter(ctx, f.m.instrs[f.m.instrs.length - 1] ?? f.m.final!.from, cmd)], true)];
}

export default defineRule({
  meta: {
    code: 'MA207',
    family: 'dockerfile',
    severity: 'error',
    title: L('No CMD or ENTRYPOINT', '没有 CMD 或 ENTRYPOINT'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    // An unknown (private) base image may bring its own command.
    if (!f || f.m.cmd || f.m.entrypoint || !baseInfo(f.m.baseImage)) return [];
    return [find(ctx, 'MA207', f.m.final!.from.getRange(), messages.noCommand, { fixes: batchFix(ctx, f) })];
  },
});
