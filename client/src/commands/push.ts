// ModelArts: Push Image to SWR — the engine's push (preflight, push, read-back) with the target asked in an input box
// checked against SWR's naming as the user types, the login asked when the registry answers 401 and kept in VS Code's
// SecretStorage (never in settings, never in the log), progress per layer in a cancellable notification, and the
// next step after it. Trusted workspaces only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ModelFolder } from '../../../core/folders';
import { CancelledError } from '../../../engine/report';
import { findCredentials, parseTarget, pushFolder, type PushReport, type RegistryAuth, type Target } from '../../../engine/push';
import { t, tl, lang } from '../i18n';
import type { ModelFolders } from '../modelFolders';
import { requireTrust } from '../trust';
import type { Workflow } from '../workflow';
import { workflowSettings } from '../settings';
import { consoleUrl, nextStep, progressLine, withSwrLocation } from './pushSteps';

const secretKey = (registry: string) => `modelarts.registryLogin/${registry}`;

async function askTarget(wf: Workflow, f: ModelFolder): Promise<Target | undefined> {
  const loc = (wf.configOf(f) as { swr_location?: unknown } | undefined)?.swr_location;
  const value = await vscode.window.showInputBox({
    title: t('Push to (SWR image address)', '推送到（SWR 镜像地址）'),
    value: typeof loc === 'string' ? loc : '',
    placeHolder: 'swr.cn-north-4.myhuaweicloud.com/<organization>/<repository>:<tag>',
    ignoreFocusOut: true,
    validateInput: (v) => {
      const r = parseTarget(v, t('the address', '地址'));
      return 'problem' in r ? tl(r.problem) : undefined;
    },
  });
  if (value === undefined) return undefined;
  const r = parseTarget(value, 'target');
  return 'target' in r ? r.target : undefined;
}

/** The login the user entered before (SecretStorage), else the docker CLI's. */
async function knownAuth(secrets: vscode.SecretStorage, t0: Target, log: vscode.LogOutputChannel): Promise<RegistryAuth | undefined> {
  const saved = await secrets.get(secretKey(t0.registry));
  if (saved) {
    const { username, password } = JSON.parse(saved) as { username: string; password: string };
    return { username, password, serveraddress: t0.registry, source: t('the login saved in VS Code', 'VS Code 中保存的登录') };
  }
  return findCredentials(t0.registry).catch((e: Error) => {
    log.warn(e.message);
    return undefined;
  });
}

/** Asks `<region>@<AK>` and the login key (SWR console → "Generate login command"), keeps them in SecretStorage. */
async function askLogin(secrets: vscode.SecretStorage, target: Target): Promise<RegistryAuth | undefined> {
  const username = await vscode.window.showInputBox({
    title: t(`Log in to ${target.registry} (1/2)`, `登录 ${target.registry}（1/2）`),
    prompt: t('User name: for SWR <region>@<AK>, as in the login command of the SWR console', '用户名：SWR 为 <区域>@<AK>，与 SWR 控制台的登录指令一致'),
    placeHolder: 'cn-north-4@AK…', ignoreFocusOut: true, validateInput: (v) => (v.trim() ? undefined : t('required', '必填')),
  });
  if (!username) return undefined;
  const password = await vscode.window.showInputBox({
    title: t(`Log in to ${target.registry} (2/2)`, `登录 ${target.registry}（2/2）`),
    prompt: t('Password: for SWR the login key (-p of the login command)', '密码：SWR 为登录密钥（登录指令中 -p 的值）'),
    password: true, ignoreFocusOut: true, validateInput: (v) => (v ? undefined : t('required', '必填')),
  });
  if (!password) return undefined;
  await secrets.store(secretKey(target.registry), JSON.stringify({ username: username.trim(), password }));
  return { username: username.trim(), password, serveraddress: target.registry, source: t('the login entered in VS Code', 'VS Code 中输入的登录') };
}

function runPush(wf: Workflow, f: ModelFolder, target: Target, auth: RegistryAuth | undefined): Thenable<PushReport | undefined> {
  const title = t(`ModelArts: pushing ${path.basename(f.dir)} to ${target.ref}`, `ModelArts：正在推送 ${path.basename(f.dir)} 到 ${target.ref}`);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const ac = new AbortController();
    const sub = token.onCancellationRequested(() => ac.abort());
    let shown = 0;
    try {
      const s = workflowSettings(vscode.Uri.file(f.dir));
      const engine = await wf.connect(f);
      if (!engine) return undefined;
      return await pushFolder(f.dir, target, { engine, auth, lang: lang(), profile: s.profile }, {
        signal: ac.signal,
        onCheck: (c) => wf.log.info(`[push] ${c.status} ${c.title}: ${c.message}`),
        onLayer: (layer, all) => {
          const p = progressLine(layer, all.layers.values(), lang());
          progress.report({ message: p.message, increment: Math.max(0, p.percent - shown) });
          shown = Math.max(shown, p.percent);
        },
      });
    } catch (e) {
      if (e instanceof CancelledError) {
        void vscode.window.showWarningMessage(t('Push cancelled: the registry got no manifest, so no tag was written.', '推送已取消：镜像仓库未收到清单，未写入标签。'));
        return undefined;
      }
      throw e;
    } finally {
      sub.dispose();
    }
  });
}

/** After a push: read-back told, then the offer to write swr_location and the next step. */
async function afterPush(wf: Workflow, f: ModelFolder, r: PushReport, target: Target): Promise<void> {
  const write = t('Write swr_location into config.json', '将 swr_location 写入 config.json');
  const open = t('Open the ModelArts console', '打开 ModelArts 控制台');
  const loc = (wf.configOf(f) as { swr_location?: unknown } | undefined)?.swr_location;
  const url = consoleUrl(target.registry);
  const buttons = [...(f.configPath && loc !== target.ref ? [write] : []), ...(url ? [open] : [])];
  const d = r.digest?.slice(0, 19);
  const msg = t(`Pushed ${target.ref} (${r.mediaType}, ${d}…). `, `已推送 ${target.ref}（${r.mediaType}，${d}…）。`) + tl(nextStep(target.ref));
  wf.log.info(msg);
  const pick = await vscode.window.showInformationMessage(msg, ...buttons);
  if (pick === write && f.configPath) {
    const doc = await vscode.workspace.openTextDocument(f.configPath);
    const text = doc.getText();
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(text.length)), withSwrLocation(text, target.ref));
    await vscode.workspace.applyEdit(edit);
    await doc.save();
  }
  if (pick === open && url) await vscode.env.openExternal(vscode.Uri.parse(url));
}

/** A failed push: the reason, with a button to run the test when the preflight wants one. */
async function told(f: ModelFolder, r: PushReport, wf: Workflow): Promise<void> {
  const failed = r.checks.filter((c) => c.status === 'fail');
  for (const c of failed) wf.log.error(`[push] ${c.title}: ${c.message}`);
  const test = t('Run Build and Test', '运行构建并测试');
  const logs = t('Show Logs', '显示日志');
  const untested = failed.some((c) => c.id === 'tested');
  const text = r.error?.message ?? failed.map((c) => `${c.title}: ${c.message}`).join(' · ');
  const pick = await vscode.window.showErrorMessage(t(`Not pushed: ${text}`, `未推送：${text}`), ...(untested ? [test] : []), logs);
  if (pick === test) await vscode.commands.executeCommand('modelarts.buildAndTest', vscode.Uri.file(f.dir));
  if (pick === logs) wf.log.show(true);
}

export function pushCommand(context: vscode.ExtensionContext, folders: ModelFolders, wf: Workflow): vscode.Disposable {
  return vscode.commands.registerCommand('modelarts.pushImage', async (arg?: unknown) => {
    if (!(await requireTrust())) return;
    const f = await folders.resolve(arg);
    if (!f || !fs.existsSync(f.dir)) return;
    const target = await askTarget(wf, f);
    if (!target) return;
    let auth = await knownAuth(context.secrets, target, wf.log);
    let r = await runPush(wf, f, target, auth);
    if (r?.error?.kind === 'unauthorized') {
      // A saved login that no longer works is forgotten; the user types it again.
      await context.secrets.delete(secretKey(target.registry));
      auth = await askLogin(context.secrets, target);
      if (!auth) return;
      r = await runPush(wf, f, target, auth);
      if (r?.error?.kind === 'unauthorized') await context.secrets.delete(secretKey(target.registry));
    }
    if (!r) return;
    if (r.passed) await afterPush(wf, f, r, target);
    else await told(f, r, wf);
  });
}
