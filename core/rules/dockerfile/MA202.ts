// MA202: The server binds to 127.0.0.1 / localhost. Page: docs/rules/MA202.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
import { isLoopback, type Listen } from '../../analysis/servers';
import { facts } from '../../analysis/dockerfile/facts';
import { listenFinding } from '../../analysis/dockerfile/listen';
import { portNote, servicePort, type ServicePort } from '../../analysis/deploy';

const messages = {
  loopback: (server: string, host: string, byDefault: boolean, at: string, to: ServicePort) => L(
    `${server} listens on ${host}${byDefault ? ` (${server}'s default)` : ''} at ${at}: `
      + `nothing outside the container can reach it, and ModelArts sends its requests to port ${to.port}${portNote(to, 'en')} from outside. `
      + 'Bind to 0.0.0.0.',
    `${server} 监听在 ${host}${byDefault ? `（${server} 的默认值）` : ''}（${at}）：容器外无法访问，而 ModelArts 从容器外把请求发到 `
      + `${to.port} 端口${portNote(to, 'zh')}。请绑定 0.0.0.0。`),
  bindFix: L('Bind to 0.0.0.0', '改为绑定 0.0.0.0'),
  flagsFix: (flags: string) => L(`Add ${flags}`, `添加 ${flags}`),
  startedHere: L('The server is started here', '服务在此处启动'),
};

export default defineRule({
  meta: {
    code: 'MA202',
    family: 'dockerfile',
    severity: 'error',
    title: L('The server binds to 127.0.0.1 / localhost', '服务绑定在 127.0.0.1 / localhost 上'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f) return [];
    const to = servicePort(ctx);
    const texts = { fix: messages.bindFix, flagsFix: messages.flagsFix, startedHere: messages.startedHere };
    const message = (l: Listen) => (at: string) => messages.loopback(l.server, l.host!, !l.hostLoc, at, to);
    return f.listens.filter((l) => isLoopback(l.host)).map((l) => listenFinding(ctx, f, l, 'host', to.port, 'MA202', message(l), texts));
  },
});
