// Extension entry: starts the language client; stops it on deactivate.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  client = startLanguageClient(context);
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
