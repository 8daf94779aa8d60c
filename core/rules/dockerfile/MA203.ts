// MA203: The server listens on a port other than 8080 (the deployment's port). Page: docs/rules/MA203.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
import type { Listen } from '../../analysis/servers';
import { facts } from '../../analysis/dockerfile/facts';
import { listenFinding } from '../../analysis/dockerfile/listen';
import { portNote, servicePort, type ServicePort } from '../../analysis/deploy';

const messages = {
  otherPort: (server: string, port: string, byDefault: boolean, at: string, to: ServicePort) => L(
    `${server} listens on port ${port}${byDefault ? ` (${server}'s default)` : ''} at ${at}: `
      + `ModelArts sends requests to port ${to.port}${portNote(to, 'en')}. Listen on ${to.port}.`,
    `${server} 监听端口 ${port}${byDefault ? `（${server} 的默认值）` : ''}（${at}）：ModelArts 把请求转发到 ${to.port} 端口${portNote(to, 'zh')}。`
      + `请改为监听 ${to.port}。`),
  listenFix: (port: number) => L(`Listen on ${port}`, `改为监听 ${port}`),
  flagsFix: (flags: string) => L(`Add ${flags}`, `添加 ${flags}`),
  startedHere: L('The server is started here', '服务在此处启动'),
};

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
    const to = servicePort(ctx);
    // A port we can read (digits) that is not the service port.
    const otherPort = (l: Listen): boolean => !!l.port && /^\d+$/.test(l.port) && Number(l.port) !== to.port;
    const texts = { fix: messages.listenFix(to.port), flagsFix: messages.flagsFix, startedHere: messages.startedHere };
    const message = (l: Listen) => (at: string) => messages.otherPort(l.server, l.port!, !l.portLoc, at, to);
    // Under current the default is a warning because the console's port is unknown; the deployment file states it.
    const known = ctx.deployment.portFrom !== 'default' ? { severity: 'error' as const } : {};
    return f.listens.filter(otherPort).map((l) => ({ ...listenFinding(ctx, f, l, 'port', to.port, 'MA203', message(l), texts), ...known }));
  },
});
