// Throttled, folder-wide validation. Every open document is an "anchor": the server works out its model folder,
// checks the whole folder (open documents overlaid on the disk) and publishes for all of the folder's files, so a
// fix in config.json also clears the Dockerfile finding that depended on it. Files a folder published to before
// and no longer has findings for get an empty publish: no stale finding remains.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { CheckOptions, FileSource, Finding, Lang } from '../../../core/types';
import { overlayFiles } from '../../../core/files';
import { folderForFile, isDockerfileName, matchesConfigGlobs, type ModelFolder } from '../../../core/folders';
import { checkModelFolder, createParseCache } from '../../../core/check';
import { DEPLOY_FILE } from '../../../core/deployment';
import { toDiagnostic, type UriHost } from './diagnostics';

/**
 * At most one check of a folder per this many ms. An edit after a quiet spell is checked at once (leading edge);
 * edits in a burst wait for the next slot, which checks the newest text: the last edit of a burst is answered at most
 * this long after it, and a result for a superseded version is never published.
 */
export const CHECK_INTERVAL_MS = 50;

export interface ValidationHost extends UriHost {
  options(): CheckOptions;
  lang(): Lang;
  roots(): string[];
  /** Open documents: absolute path -> text. */
  openTexts(): Map<string, string>;
  /** The language mode of an open document, when VS Code's JSON language features validate it (else undefined). */
  jsonMode(file: string): 'json' | 'jsonc' | undefined;
  publish(params: PublishDiagnosticsParams): void;
  log(message: string): void;
}

/** A syntax slip VS Code's JSON service already shows in this document: published once, by VS Code (MA100's page). */
const shownByVsCode = (f: Finding, mode: 'json' | 'jsonc' | undefined): boolean =>
  !!f.jsonSyntax && (mode === 'json' || (mode === 'jsonc' && f.jsonSyntax === 'json+jsonc'));

const folderKey = (f: ModelFolder): string => `${f.configPath ?? ''}|${f.dockerfilePath ?? ''}`;
const isUnder = (file: string, dir: string): boolean => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

export class Validator {
  private readonly cache = createParseCache();
  private readonly files: FileSource;
  /** Open document path -> the model folder it belonged to at its last check (undefined: none). */
  private readonly anchors = new Map<string, ModelFolder | undefined>();
  /** Folder key -> the files it last published to. */
  private readonly owned = new Map<string, Set<string>>();
  private readonly pending = new Map<string, Set<string>>();
  private readonly timers = new Map<string, { cancel(): void }>();
  /** Folder key -> when its last check started (performance.now()). */
  private readonly lastRun = new Map<string, number>();
  /** While held (until the first settings arrive), changes are recorded but not checked. */
  private held = false;
  /** Document URI -> the diagnostics not published because VS Code shows the same slip; their fixes stay offered. */
  private readonly yieldedByUri = new Map<string, Diagnostic[]>();

  constructor(private readonly host: ValidationHost) {
    this.files = overlayFiles(() => host.openTexts());
  }

  /** An open document was opened or edited. */
  documentChanged(file: string): void {
    if (!this.anchors.has(file)) this.anchors.set(file, undefined);
    this.fileChanged(file);
  }

  /** A file changed on disk (file watcher). */
  diskFileChanged(file: string): void {
    // Version control and dependency trees churn on every checkout or install; no rule reads them.
    if (/[\\/](\.git|node_modules|__pycache__)[\\/]/.test(file)) return;
    this.fileChanged(file);
  }

  /** A file changed, on disk or in the editor: re-check every folder it may take part in. */
  fileChanged(file: string): void {
    const name = path.basename(file);
    const mayGovern = name === 'config.json' || name === DEPLOY_FILE || isDockerfileName(name) || matchesConfigGlobs(file, this.host.options());
    for (const [anchor, folder] of this.anchors) {
      if (
        anchor === file ||
        (folder && (isUnder(file, folder.dir) || (folder.configPath !== undefined && isUnder(file, path.dirname(folder.configPath))))) ||
        (mayGovern && isUnder(anchor, path.dirname(file)))
      ) {
        this.schedule(anchor);
      }
    }
  }

  documentClosed(file: string): void {
    const folder = this.anchors.get(file);
    this.anchors.delete(file);
    // Every folder that reads this file (its own, or one whose app code it is) now reads it from disk: re-check.
    this.fileChanged(file);
    if (!folder) return;
    const key = folderKey(folder);
    // No other open document keeps the folder: it leaves the editor.
    if (![...this.anchors.values()].some((f) => f && folderKey(f) === key)) this.forget(key);
  }

  /** Settings changed: re-check everything open. */
  revalidateAll(): void {
    for (const anchor of this.anchors.keys()) this.schedule(anchor);
  }

  hold(): void {
    this.held = true;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    for (const key of this.pending.keys()) this.arm(key);
  }

  /** The findings of a document that VS Code's JSON service shows instead (for their quick fixes). */
  yielded(uri: string): Diagnostic[] {
    return this.yieldedByUri.get(uri) ?? [];
  }

  dispose(): void {
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }

  private schedule(anchor: string): void {
    let folder = this.anchors.get(anchor);
    if (!folder) {
      // Resolve a new anchor now, so the files of one folder share one debounce (and one check).
      folder = folderForFile(anchor, this.files, this.host.options(), this.rootFor(anchor));
      this.anchors.set(anchor, folder);
    }
    const key = folder ? folderKey(folder) : anchor;
    let set = this.pending.get(key);
    if (!set) this.pending.set(key, (set = new Set()));
    set.add(anchor);
    if (!this.held) this.arm(key);
  }

  private arm(key: string): void {
    // A check is already due: it reads the texts as they are then, this edit included.
    if (this.timers.has(key)) return;
    const wait = Math.max(0, (this.lastRun.get(key) ?? -Infinity) + CHECK_INTERVAL_MS - performance.now());
    const fire = () => {
      this.timers.delete(key);
      this.lastRun.set(key, performance.now());
      const anchors = this.pending.get(key) ?? new Set<string>();
      this.pending.delete(key);
      try {
        this.run([...anchors]);
      } catch (e) {
        this.host.log(`modelarts: validation failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
    };
    // "At once" still waits for the end of this turn of the event loop (setImmediate, not a timer's 1 ms floor): the
    // changes that arrive together (a rename, a save of several files) share one check.
    if (wait === 0) {
      const h = setImmediate(fire);
      this.timers.set(key, { cancel: () => clearImmediate(h) });
    } else {
      const h = setTimeout(fire, wait);
      this.timers.set(key, { cancel: () => clearTimeout(h) });
    }
  }

  private rootFor(file: string): string | undefined {
    return this.host
      .roots()
      .filter((r) => isUnder(file, r))
      .sort((a, b) => b.length - a.length)[0];
  }

  private run(anchors: string[]): void {
    const opts = this.host.options();
    const groups = new Map<string, ModelFolder>();
    const left = new Set<string>();
    for (const anchor of anchors) {
      if (!this.anchors.has(anchor)) continue; // closed meanwhile
      const before = this.anchors.get(anchor);
      const folder = folderForFile(anchor, this.files, opts, this.rootFor(anchor));
      this.anchors.set(anchor, folder);
      if (before && (!folder || folderKey(before) !== folderKey(folder))) left.add(folderKey(before));
      if (folder) groups.set(folderKey(folder), folder);
    }
    // Versions of the open documents as they were checked: a result for an older version is never published.
    const versions = new Map<string, number | null>();
    const byFile = new Map<string, Finding[]>();
    const seen = new Set<string>();
    for (const [key, folder] of groups) {
      let findings: Finding[];
      try {
        findings = checkModelFolder(folder, opts, this.files, this.cache);
      } catch (e) {
        this.host.log(`modelarts: checking ${folder.dir} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        continue;
      }
      const targets = new Set<string>([folder.configPath, folder.dockerfilePath, folder.deployPath].filter((f): f is string => !!f));
      for (const f of findings) targets.add(f.file);
      for (const t of targets) {
        if (!byFile.has(t)) byFile.set(t, []);
        if (!versions.has(t)) versions.set(t, this.host.versionOf(t));
      }
      for (const f of findings) {
        // A config shared by two Dockerfiles: report each finding once.
        const id = `${f.file}:${f.code}:${f.range.start.line}:${f.range.start.character}:${f.message.en}`;
        if (!seen.has(id)) {
          seen.add(id);
          byFile.get(f.file)!.push(f);
        }
      }
      for (const old of this.owned.get(key) ?? []) if (!targets.has(old) && !byFile.has(old)) this.clear(old, key);
      this.owned.set(key, targets);
    }
    const lang = this.host.lang();
    for (const [file, findings] of byFile) {
      const version = this.host.versionOf(file);
      if (version !== versions.get(file)) continue; // edited since: its own check is already scheduled
      const uri = this.host.uriOf(file);
      const mode = this.host.jsonMode(file);
      const yielded = findings.filter((f) => shownByVsCode(f, mode));
      this.yieldedByUri.set(uri, yielded.map((f) => toDiagnostic(f, lang, this.host)));
      const shown = findings.filter((f) => !yielded.includes(f));
      const params: PublishDiagnosticsParams = { uri, diagnostics: shown.map((f) => toDiagnostic(f, lang, this.host)) };
      if (version !== null) params.version = version;
      this.host.publish(params);
    }
    for (const key of left) {
      const stillUsed = [...this.anchors.values()].some((f) => f && folderKey(f) === key);
      if (!stillUsed && !groups.has(key)) this.forget(key);
    }
  }

  /** Drops a folder: its files get an empty publish unless another folder still reports on them. */
  private forget(key: string): void {
    for (const file of this.owned.get(key) ?? []) this.clear(file, key);
    this.owned.delete(key);
  }

  private clear(file: string, exceptKey: string): void {
    for (const [k, files] of this.owned) if (k !== exceptKey && files.has(file)) return;
    this.yieldedByUri.delete(this.host.uriOf(file));
    this.host.publish({ uri: this.host.uriOf(file), diagnostics: [] });
  }
}
