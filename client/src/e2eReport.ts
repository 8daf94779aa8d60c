// Test-only: when the extension host runs with MODELARTS_E2E_REPORT=<file> (the e2e suite sets it), what the
// extension knows — diagnostics per file, the last conformance run, the model folders, the engine setting — is written to that file
// whenever it changes (and on the command modelarts.e2eReport, registered only then and never contributed to the
// manifest: the suite binds a key to it), so the end-to-end test can make exact assertions beside the ones it
// makes on the screen. Inert otherwise.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ModelFolders } from './modelFolders';
import type { ConformanceTests } from './views/testing';
import { workflowSettings } from './settings';

export function e2eReport(folders: ModelFolders, tests: ConformanceTests): vscode.Disposable[] {
  const file = process.env.MODELARTS_E2E_REPORT;
  if (!file) return [];
  let seq = 0;
  const write = () => {
    const diagnostics = vscode.languages.getDiagnostics()
      .filter(([uri, ds]) => uri.scheme === 'file' && ds.length)
      .map(([uri, ds]) => ({
        path: uri.fsPath,
        items: ds.map((d) => ({
          code: String(typeof d.code === 'object' ? d.code.value : d.code),
          message: d.message,
          severity: d.severity,
          line: d.range.start.line,
          source: d.source,
        })),
      }));
    const report = {
      seq: ++seq, diagnostics, lastRun: tests.lastRun, modelFolders: folders.all.map((f) => f.dir), trusted: vscode.workspace.isTrusted,
      language: vscode.env.language,
      // The engine the next run connects to, as the workflow reads the (machine) setting.
      dockerHost: workflowSettings().dockerHost ?? null,
    };
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(report, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  };
  let timer: NodeJS.Timeout | undefined;
  const soon = () => { clearTimeout(timer); timer = setTimeout(write, 50); };
  soon();
  return [
    vscode.commands.registerCommand('modelarts.e2eReport', write),
    vscode.languages.onDidChangeDiagnostics(soon),
    tests.onDidChangeRun(soon),
    folders.onDidChange(soon),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('modelarts') && soon()),
    { dispose: () => clearTimeout(timer) },
  ];
}
