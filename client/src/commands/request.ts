// Send Test Request: pick an apis entry (or come from its CodeLens), pick files for its multipart file fields,
// send it to the running container and show the answer with its check against the declared response schema.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ModelFolder } from '../../../core/folders';
import { apiSpecs, testApi, type ApiResult, type ApiSpec } from '../../../engine/infer';
import { GENERATED } from '../../../engine/samples';
import { exampleOf, sampleName } from '../../../engine/samples';
import { t, tl } from '../i18n';
import type { ModelFolders } from '../modelFolders';
import { withCancellableProgress } from '../progress';
import { workflowSettings } from '../settings';
import { requireTrust } from '../trust';
import type { Workflow } from '../workflow';

/** The file fields of a multipart request schema (ModelArts' `"type": "file"`). */
function fileFields(api: ApiSpec): string[] {
  if (!/multipart\/form-data/i.test(api.requestType)) return [];
  const props = (api.requestSchema as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties ?? {};
  return Object.entries(props).filter(([, s]) => s?.type === 'file' || (Array.isArray(s?.type) && s.type.includes('file'))).map(([k]) => k);
}

/**
 * The engine reads saved samples from `<dir>/requests/<name>…`. Picked files and a custom samples folder are
 * laid out that way in a temp dir (symlinks: model inputs can be large) so the engine's own request builder runs.
 */
function samplesDir(configDir: string, samplesFolder: string, api: ApiSpec, picked: Map<string, string>): { dir: string; cleanup: () => void } {
  if (!picked.size && samplesFolder === 'requests') return { dir: configDir, cleanup: () => undefined };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'modelarts-request-'));
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
  if (picked.size) {
    const dir = path.join(tmp, 'requests', sampleName(api.url));
    fs.mkdirSync(dir, { recursive: true });
    for (const [field, file] of picked) fs.symlinkSync(file, path.join(dir, field + path.extname(file)));
    const example = exampleOf(api.requestSchema ?? { type: 'object' });
    const plain = example && typeof example === 'object' && !Buffer.isBuffer(example)
      ? Object.fromEntries(Object.entries(example as Record<string, unknown>).filter(([k, v]) => !picked.has(k) && !Buffer.isBuffer(v)))
      : {};
    if (Object.keys(plain).length) fs.writeFileSync(path.join(dir, 'fields.json'), JSON.stringify(plain));
  } else {
    const custom = path.resolve(configDir, samplesFolder);
    if (fs.existsSync(custom)) fs.symlinkSync(custom, path.join(tmp, 'requests'));
  }
  return { dir: tmp, cleanup };
}

function answerDocument(r: ApiResult, picked?: Map<string, string>): string {
  const head = r.status !== undefined ? t(`HTTP ${r.status} in ${r.ms} ms`, `HTTP ${r.status}，用时 ${r.ms} ms`) : tl(r.message);
  const verdict = r.ok ? `✓ ${t('matches the declared response', '与声明的响应一致')}` : `✗ ${r.code ?? ''} ${tl(r.message)}`;
  let body = r.preview ? tl(r.preview) : '';
  try { body = JSON.stringify(JSON.parse(body), null, 2); } catch { /* not JSON: shown as is */ }
  const source = picked?.size ? [...picked].map(([k, f]) => `${k} = ${f}`).join(', ')
    : r.requestSource === GENERATED ? t(GENERATED, '由 request.data 生成') : r.requestSource;
  return [
    `# ${r.api.method} ${r.api.url} — ${head}`, '',
    `${t('Check', '检查')}: ${verdict}`, '',
    `${t('Request', '请求')}: ${source}, ${r.requestBytes} ${t('bytes', '字节')} (${r.api.requestType})`,
    `${t('Declared response', '声明的响应')}: ${r.api.responseType}`, '',
    '```json', body, '```', '',
  ].join('\n');
}

/** Answers open as read-only documents (no "save changes?" when they close). */
const SCHEME = 'modelarts-answer';
const answers = new Map<string, string>();
let answerSeq = 0;

export function requestCommand(folders: ModelFolders, wf: Workflow): vscode.Disposable {
  const provider = vscode.workspace.registerTextDocumentContentProvider(SCHEME, { provideTextDocumentContent: (uri) => answers.get(uri.toString()) ?? '' });
  return vscode.Disposable.from(provider, vscode.commands.registerCommand('modelarts.sendTestRequest', async (arg?: unknown, index?: number) => {
    if (!(await requireTrust())) return;
    const f = await folders.resolve(arg);
    if (!f) return;
    const apis = apiSpecs(wf.configOf(f));
    if (!apis.length) {
      void vscode.window.showErrorMessage(t(
        'config.json declares no apis to call (or cannot be read): add an "apis" entry.',
        'config.json 没有声明可调用的 apis（或无法读取）：请添加 "apis" 条目。',
      ));
      return;
    }
    const api = typeof index === 'number' && apis[index] ? apis[index] : (await vscode.window.showQuickPick(
      apis.map((a) => ({ label: `${a.method} ${a.url}`, description: a.requestType, detail: `→ ${a.responseType}`, api: a })),
      { placeHolder: t('Which api?', '调用哪个 api？') },
    ))?.api;
    if (!api) return;
    const picked = new Map<string, string>();
    for (const field of fileFields(api)) {
      const uris = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: t(`Send as "${field}"`, `作为 "${field}" 发送`),
        title: t(`File for the multipart field "${field}" (cancel: a generated sample)`, `multipart 字段 "${field}" 的文件（取消：使用生成的样例）`),
      });
      if (uris?.[0]) picked.set(field, uris[0].fsPath);
    }
    await send(f, api, picked, wf);
  }));
}

async function send(f: ModelFolder, api: ApiSpec, picked: Map<string, string>, wf: Workflow): Promise<void> {
  let live = wf.live.get(f.dir);
  if (!live) {
    const title = t(`ModelArts: Run Container ${path.basename(f.dir)}`, `ModelArts：运行容器 ${path.basename(f.dir)}`);
    live = await withCancellableProgress(title, (signal, report) => wf.run(f, signal, report));
    if (!live) return;
  }
  const configDir = path.dirname(f.configPath ?? f.dir);
  const s = workflowSettings(vscode.Uri.file(f.dir));
  const { dir, cleanup } = samplesDir(configDir, s.samplesFolder, api, picked);
  const port = live.running.hostPort ?? 0;
  try {
    const title = t(`ModelArts: ${api.method} ${api.url}`, `ModelArts：${api.method} ${api.url}`);
    const r = await withCancellableProgress(title, (signal) => testApi(api, { port, configDir: dir, signal }));
    wf.log.info(`${api.method} ${api.url}: ${r.ok ? 'ok' : r.code} ${r.message.en}`);
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${api.method} ${api.url.replace(/\//g, '∕')} #${++answerSeq}.md` });
    answers.set(uri.toString(), answerDocument(r, picked));
    if (answers.size > 20) answers.delete(answers.keys().next().value!);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    // The finding's text in the UI language (the check's line is English, for the log).
    if (!r.ok) void vscode.window.showWarningMessage(`${r.code ?? ''} ${tl(r.finding ?? r.message)}`.trim());
  } finally {
    cleanup();
  }
}
