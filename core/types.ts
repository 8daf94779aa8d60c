// Shared vocabulary of the checks: positions, findings, fixes, options. No I/O, no VS Code.
import type { Range } from 'vscode-languageserver-types';
export type { Range } from 'vscode-languageserver-types';

export type Lang = 'en' | 'zh-cn';
/** A user-facing text in both supported UI languages. */
export interface Localized { en: string; zh: string }

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export type Profile = 'seed-2021' | 'current';
export type ServiceKind = 'online' | 'batch';

export interface TextEdit { file: string; range: Range; newText: string }
export interface Fix { title: Localized; edits: TextEdit[]; isPreferred?: boolean }
export interface Related { file: string; range: Range; message: Localized }

/** What a rule reports. Severity comes from the catalogue unless the rule has a reason to differ. */
export interface RawFinding {
  code: string;
  message: Localized;
  file: string;
  range: Range;
  severity?: Severity;
  related?: Related[];
  fixes?: Fix[];
  /**
   * A JSON syntax slip that VS Code's own JSON language features report too, in documents of these language modes
   * (`json` only: a comment, which `jsonc` allows). The editor shows it once, VS Code's; the CLI reports it.
   */
  jsonSyntax?: 'json' | 'json+jsonc';
}

/** A finding after severity, suppression and settings were applied. */
export interface Finding extends RawFinding { severity: Severity }

export interface CheckOptions {
  profile: Profile;
  /** Per-code severity overrides (`modelarts.rules`). */
  rules: Record<string, SeveritySetting>;
  /** Extra globs that mark a file as a ModelArts config.json (`modelarts.configFiles`). */
  configFiles: string[];
  /** Forces online/batch detection for Dockerfiles (`modelarts.serviceKind`); undefined = detect. */
  serviceKind?: ServiceKind;
  /** The service port set for this run (`test --port`): under current it wins over the deployment file, as in the run. */
  port?: number;
}

export const defaultOptions = (): CheckOptions => ({ profile: 'seed-2021', rules: {}, configFiles: [] });

/**
 * Read access to the files of a workspace. The CLI reads the disk; the language server overlays the
 * editor's open (unsaved) documents on the disk so cross-file rules see what the user sees.
 */
export interface FileSource {
  readText(absPath: string): string | undefined;
  exists(absPath: string): boolean;
  isDirectory(absPath: string): boolean;
  /** Entry names of a directory (not paths); [] when missing. */
  listDir(absPath: string): string[];
}
