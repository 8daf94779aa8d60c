// The rule catalogue: every code, its family, default severity and one-line title (en + zh).
// Codes are stable: a code never changes meaning and a retired code is never reused.
import type { Localized, Profile, Severity } from '../types';
import { L } from '../i18n';

export type Family = 'config' | 'dockerfile' | 'project' | 'image';
export interface RuleMeta {
  code: string;
  family: Family;
  /** Default severity; may depend on the spec profile. */
  severity: Severity | ((profile: Profile) => Severity);
  title: Localized;
}

const r = (code: string, family: Family, severity: RuleMeta['severity'], en: string, zh: string): RuleMeta =>
  ({ code, family, severity, title: L(en, zh) });

export const RULES: readonly RuleMeta[] = [
  r('MA100', 'config', 'error', 'config.json is not valid JSON', 'config.json 不是合法的 JSON'),
  r('MA101', 'config', 'error', 'A required field is missing', '缺少必填字段'),
  r('MA102', 'config', 'error', 'A field has the wrong type', '字段类型错误'),
  r('MA103', 'config', 'error', 'A value outside its allowed set', '取值不在允许范围内'),
  r('MA104', 'config', 'warning', 'Unknown field', '未知字段'),
  r('MA105', 'config', 'error', 'model_algorithm breaks its format', 'model_algorithm 格式不符合要求'),
  r('MA106', 'config', 'warning', 'runtime set for an Image model or unknown for its engine', 'Image 模型设置了 runtime，或 runtime 不是该引擎的已知取值'),
  r('MA107', 'config', 'error', 'A built-in engine declares more than one api or a url other than /', '内置引擎声明了多个 api 或 url 不是 /'),
  r('MA108', 'config', 'error', 'Machine-learning engines accept only application/json', '机器学习引擎只接受 application/json'),
  r('MA109', 'config', 'error', 'package_version and restraint must be given together', 'package_version 与 restraint 必须同时给出'),
  r('MA110', 'config', 'error', 'dependencies are not supported on an Image model', 'Image 模型不支持 dependencies'),
  r('MA111', 'config', 'error', 'health.url missing or not starting with /, or health.protocol not http', 'health.url 缺失或不以 / 开头，或 health.protocol 不是 http'),
  r('MA112', 'config', 'error', 'Health timings not integers or out of range', '健康检查时间参数不是整数或超出范围'),
  r('MA113', 'config', 'error', 'An api url not starting with /, or duplicated url and method', 'api 的 url 不以 / 开头，或 url 与 method 重复'),
  r('MA114', 'config', 'warning', 'request.data / response.data is not a valid JSON Schema', 'request.data / response.data 不是合法的 JSON Schema'),
  r('MA115', 'config', 'warning', 'Misspelled content type', '内容类型拼写错误'),
  r('MA116', 'config', (p) => (p === 'current' ? 'warning' : 'info'), 'An Image model without health', 'Image 模型未配置 health'),
  r('MA117', 'config', 'error', 'swr_location is not a valid SWR image address', 'swr_location 不是合法的 SWR 镜像地址'),
  r('MA118', 'config', 'warning', 'An Image model without apis', 'Image 模型未配置 apis'),
  r('MA119', 'config', 'warning', 'A metric that is not a number in [0, 1]', '指标不是 [0, 1] 范围内的数字'),

  r('MA200', 'dockerfile', 'error', 'The Dockerfile cannot be used', 'Dockerfile 无法使用'),
  r('MA201', 'dockerfile', 'warning', 'Port 8080 is not exposed', '未暴露 8080 端口'),
  r('MA202', 'dockerfile', 'error', 'The server binds to 127.0.0.1 / localhost', '服务绑定在 127.0.0.1 / localhost 上'),
  r('MA203', 'dockerfile', (p) => (p === 'current' ? 'warning' : 'error'), 'The server listens on a port other than 8080', '服务监听的端口不是 8080'),
  r('MA204', 'dockerfile', 'error', 'Batch: the command is not /bin/sh /home/run.sh', '批量服务：启动命令不是 /bin/sh /home/run.sh'),
  r('MA205', 'dockerfile', 'error', 'Batch: python, a JRE/JDK or zip is not installed', '批量服务：未安装 python、JRE/JDK 或 zip'),
  r('MA206', 'dockerfile', 'warning', 'Logs do not go to stdout', '日志没有输出到标准输出'),
  r('MA207', 'dockerfile', 'error', 'No CMD or ENTRYPOINT', '没有 CMD 或 ENTRYPOINT'),
  r('MA208', 'dockerfile', 'warning', 'A secret is baked into the image', '镜像中包含密钥'),
  r('MA209', 'dockerfile', 'error', 'The main process is sent to the background', '主进程被放到后台运行'),
  r('MA210', 'dockerfile', 'error', 'COPY/ADD of a path missing from the build context', 'COPY/ADD 的路径不在构建上下文中'),
  r('MA211', 'dockerfile', 'warning', 'Environment variable named MA_* (reserved)', '环境变量以 MA_ 开头（平台保留）'),
  r('MA212', 'dockerfile', 'info', 'USER is root or absent', 'USER 为 root 或未设置'),
  r('MA213', 'dockerfile', 'error', 'A RUN, CMD/ENTRYPOINT or entry script that does not parse as shell', 'RUN、CMD/ENTRYPOINT 或入口脚本不是合法的 shell'),

  r('MA301', 'project', 'warning', 'health.url is served by no route in the code', 'health.url 在代码中没有对应的路由'),
  r('MA302', 'project', 'warning', 'An apis url is served by no route in the code', 'apis 的 url 在代码中没有对应的路由'),
  r('MA303', 'project', 'info', 'HEALTHCHECK probes another path or port than config.json', 'HEALTHCHECK 探测的路径或端口与 config.json 不一致'),
  r('MA304', 'project', 'info', 'A model folder misses its config.json or Dockerfile', '模型目录缺少 config.json 或 Dockerfile'),

  r('MA401', 'image', 'error', 'The image is larger than the limit', '镜像超过大小限制'),
  r('MA402', 'image', 'error', 'The image is not linux/amd64', '镜像不是 linux/amd64'),
  r('MA403', 'image', 'error', 'The container exited before it served', '容器在提供服务前退出'),
  r('MA404', 'image', 'error', 'Nothing answers on port 8080', '8080 端口无响应'),
  r('MA405', 'image', 'error', '/health does not answer as required', '/health 未按要求响应'),
  r('MA406', 'image', 'error', 'An api answers an error or is too slow', 'api 返回错误或响应超时'),
  r('MA407', 'image', 'error', 'An api answer does not match its declared response', 'api 的响应与声明的 response 不符'),
  r('MA408', 'image', 'warning', 'The container wrote nothing to stdout/stderr', '容器没有向标准输出/标准错误写入任何内容'),
  r('MA409', 'image', 'error', 'Batch: run.sh, python, java or zip missing in the image', '批量服务：镜像中缺少 run.sh、python、java 或 zip'),
  r('MA410', 'image', 'warning', 'The container does not stop in time after SIGTERM', '容器收到 SIGTERM 后未及时退出'),
  r('MA411', 'image', 'error', 'A test request body is larger than 12 MB', '测试请求体超过 12 MB'),
];

const byCode = new Map(RULES.map((m) => [m.code, m]));
export const ruleMeta = (code: string): RuleMeta | undefined => byCode.get(code);
export function defaultSeverity(code: string, profile: Profile): Severity {
  const m = byCode.get(code);
  if (!m) return 'error';
  return typeof m.severity === 'function' ? m.severity(profile) : m.severity;
}
