// Which workspace folders are ModelArts model folders (the same discovery the server and CLI use), kept in the
// context key `modelarts.modelFolders` for the explorer and editor-title menus, and the folder a command acts on.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diskFiles } from '../../core/files';
import { DOCKERFILE_GLOBS, findModelFolders, folderForFile, isDockerfileName, type ModelFolder } from '../../core/folders';
import { defaultOptions, type CheckOptions } from '../../core/types';
import { t } from './i18n';

function checkOptions(): CheckOptions {
  const c = vscode.workspace.getConfiguration('modelarts');
  return { ...defaultOptions(), configFiles: c.get<string[]>('configFiles') ?? [] };
}

export class ModelFolders implements vscode.Disposable {
  private folders: ModelFolder[] = [];
  /** The folder New Model Image Project created last: offered first when a command must ask. */
  private newest: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{config.json,${DOCKERFILE_GLOBS.join(',')}}`);
    for (const ev of [watcher.onDidCreate, watcher.onDidDelete, watcher.onDidChange]) this.disposables.push(ev(() => this.refreshSoon()));
    // Saves and opens too: file watchers can miss files created together in a new folder.
    const mine = (d: vscode.TextDocument) => {
      const name = path.basename(d.uri.fsPath);
      return d.uri.scheme === 'file' && (name === 'config.json' || isDockerfileName(name));
    };
    this.disposables.push(
      watcher, this.changed,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refreshSoon()),
      vscode.workspace.onDidSaveTextDocument((d) => mine(d) && this.refreshSoon()),
      vscode.workspace.onDidOpenTextDocument((d) => mine(d) && !this.folderOfKnown(d.uri.fsPath) && this.refreshSoon()),
    );
    this.refreshSoon(0);
  }

  get all(): readonly ModelFolder[] { return this.folders; }

  refreshSoon(ms = 500): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), ms);
  }

  /** Re-reads the workspace; `created`: a model folder just made (the walkthrough's next step tests it). */
  refresh(created?: string): void {
    if (created) this.newest = created;
    const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    this.folders = roots.length ? findModelFolders(roots, diskFiles, checkOptions()) : [];
    // Menus match on a resource's folder: the build context and the config's own folder (model/ layout).
    const dirs = new Set<string>();
    for (const f of this.folders) {
      dirs.add(f.dir);
      if (f.configPath) dirs.add(path.dirname(f.configPath));
    }
    void vscode.commands.executeCommand('setContext', 'modelarts.modelFolders', [...dirs]);
    this.changed.fire();
  }

  private folderOfKnown(file: string): boolean {
    return this.folders.some((f) => f.configPath === file || f.dockerfilePath === file);
  }

  /** The model folder of a file or folder, if it is one. */
  folderOf(fsPath: string): ModelFolder | undefined {
    const known = this.folders.find((f) => f.dir === fsPath || f.configPath === fsPath || f.dockerfilePath === fsPath ||
      (f.configPath && path.dirname(f.configPath) === fsPath));
    if (known) return known;
    try {
      return folderForFile(fsPath, diskFiles, checkOptions(), vscode.workspace.getWorkspaceFolder(vscode.Uri.file(fsPath))?.uri.fsPath) ??
        (diskFiles.isDirectory(fsPath) ? findModelFolders([fsPath], diskFiles, checkOptions())[0] : undefined);
    } catch {
      return undefined;
    }
  }

  /** The folder a command acts on: its argument, else the active editor's, else the only one, else a pick. */
  async resolve(arg?: unknown): Promise<ModelFolder | undefined> {
    const uri = arg instanceof vscode.Uri ? arg : undefined;
    if (typeof arg === 'string') return this.folderOf(arg) ?? this.notFound();
    if (uri?.scheme === 'file') return this.folderOf(uri.fsPath) ?? this.notFound();
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.uri.scheme === 'file') {
      const f = this.folderOf(doc.uri.fsPath);
      if (f) return f;
    }
    this.refresh();
    if (this.folders.length === 1) return this.folders[0];
    if (!this.folders.length) return this.notFound();
    const items = this.folders.map((f) => ({
      label: path.basename(f.dir), folder: f,
      description: vscode.workspace.asRelativePath(f.dir) + (f.dir === this.newest ? ` · ${t('just created', '刚创建')}` : ''),
    }));
    // The new folder first, so Enter takes it (a quick pick's first item is the active one).
    items.sort((a, b) => Number(b.folder.dir === this.newest) - Number(a.folder.dir === this.newest));
    const picked = await vscode.window.showQuickPick(items, { placeHolder: t('Which model folder?', '选择哪个模型文件夹？') });
    return picked?.folder;
  }

  private async notFound(): Promise<undefined> {
    const create = t('New Model Image Project', '新建模型镜像项目');
    const pick = await vscode.window.showErrorMessage(
      t('No ModelArts model folder here: a model folder has a config.json with "model_type" or "apis", and a Dockerfile.',
        '这里没有 ModelArts 模型文件夹：模型文件夹包含带 "model_type" 或 "apis" 的 config.json 以及 Dockerfile。'),
      create,
    );
    if (pick === create) await vscode.commands.executeCommand('modelarts.newProject');
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
