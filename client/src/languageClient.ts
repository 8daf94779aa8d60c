// Starts the ModelArts language server (dist/server.js beside dist/extension.js) and passes settings to it.
// The server pulls `modelarts.*` through workspace/configuration and registers its own change and file watchers.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../core/launch';
import { DOCKERFILE_GLOBS } from '../../core/folders';
import { DEPLOY_FILE } from '../../core/deployment';
import { showEditedFiles } from './fixVisibility';

export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server decides which of these are ModelArts files (config.json with model_type/apis, Dockerfiles near one,
    // a deployment file beside them).
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'file', pattern: `**/{${DOCKERFILE_GLOBS.join(',')}}` },
      // The deployment file (JSON with comments: package.json gives it the jsonc language, so VS Code's own JSON
      // checks accept its comments); the server checks it, completes and hovers from its schema.
      { scheme: 'file', pattern: `**/${DEPLOY_FILE}` },
      // Code the Dockerfile rules read (entry scripts, gunicorn.conf.py, app code): synced so that their checks and
      // cross-file fixes work on the text in the editor, and each fix carries the version it was computed on.
      { scheme: 'file', language: 'python' },
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'shellscript' },
    ],
    initializationOptions: { settings: vscode.workspace.getConfiguration('modelarts') },
    outputChannelName: 'ModelArts',
    middleware: { provideCodeActions: showEditedFiles },
  };
  const client = new LanguageClient('modelarts', 'ModelArts', serverOptions, clientOptions);
  void client.start().catch((e: unknown) => client.error('ModelArts language server failed to start', e));
  context.subscriptions.push({ dispose: () => void client.stop() });
  return client;
}
