// MA203: The server listens on a port other than 8080. Page: docs/rules/MA203.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
import type { Listen } from '../../analysis/servers';
import { facts } from '../../analysis/dockerfile/facts';
import { listenFinding } from '../../analysis/dockerfile/listen';

const messages = {
  otherPort: (server: string, port: string, byDefault: boolean, at: string) => L(
    `${server} listens on port ${port}${byDefault ? ` (${server}'s default)` : ''} at ${at}: `
      + 'ModelArts sends requests to port 8080. Listen on 8080.',
    `${server} 监听端口 ${port}${byDefault ? `（${server} 的默认值）` : ''}（${at}）：ModelArts 把请求转发到 8080 端口。请改为监听 8080。`),
  listenFix: L('Listen on 8080', '改为监听 8080'),
  flagsFix: (flags: string) => L(`Add ${flags}`, `添加 ${flags}`),
  startedHere: L('The server is started here', '服务在此处启动'),
};

/** A port we can read (digits) that is not 8080. */
const otherPort = (l: Listen): boolean => !!l.port && /^\d+$/.test(l.port) && l.port !== '8080';

export default defineRule({
  meta: {
    code: 'MA203',
    family: 'dockerfile',
    severity: (p) => (p === 'current' ? 'warning' : 'error'),
    title: L('The server listens on a port other than 8080', '服务监听的端口不是 8080'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f) return [];
    const texts = { fix: messages.listenFix, flagsFix: messages.flagsFix, startedHere: messages.startedHere };
    const message = (l: Listen) => (at: string) => messages.otherPort(l.server, l.port!, !l.portLoc, at);
    return f.listens.filter(otherPort).map((l) => listenFinding(ctx, f, l, 'port', 'MA203', message(l), texts));
  },
});
