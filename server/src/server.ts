// The language server: LSP wiring only. Checks live in check.ts and rules/; scheduling in features/validation.ts.
// createConnection() picks the transport from the command line (--stdio, --node-ipc, --socket=N).
import { fileURLToPath } from 'node:url';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions, Lang } from '../../core/types';
import { defaultOptions } from '../../core/types';
import { toLang } from '../../core/i18n';
import type * as ServiceModule from './service';
import type { Validator } from './features/validation';
import type { IsCurrent } from './features/codeActions';
import type { SchemaFeatures } from './features/schema';

/** The checking service, loaded on first use (dist/server-service.js): initialize is answered without it. */
let loaded: typeof ServiceModule | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const service = (): typeof ServiceModule => (loaded ??= require('./service') as typeof ServiceModule);

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let lang: Lang = 'en';
let options: CheckOptions = defaultOptions();
let roots: string[] = [];
let canPullConfiguration = false;
let canRegisterConfiguration = false;
let canRegisterWatchers = false;
let documentChanges = false;
let hasWorkspaceFolders = false;
let schemaFeatures: SchemaFeatures | undefined;
/** Built on first use: completion and hover are not needed to answer initialize. */
const schema = (): SchemaFeatures => (schemaFeatures ??= new (service().SchemaFeatures)(lang));

/** Open file: documents by absolute path (other schemes, e.g. untitled:, are not checked). */
const openByPath = new Map<string, TextDocument>();
const openTexts = new Map<string, string>();

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

const log = (message: string): void => connection.console.error(message);

/**
 * What a closed file is on disk (modification time and size): a fix to a closed file is offered only while the disk
 * still has that file. One stat, not a read and a hash: every publish stamps each cross-file fix's target.
 */
function stampOf(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return undefined;
  }
}

/** An edit is current when its document has the version it was computed on (open) or the same disk text (closed). */
const isCurrent: IsCurrent = (e) => {
  const file = toPath(e.uri);
  const doc = documents.get(e.uri) ?? (file ? openByPath.get(file) : undefined);
  if (e.version !== null) return doc?.version === e.version;
  return !doc && !!file && stampOf(file) === e.stamp;
};

/** Until the first settings arrive, changes are recorded but not checked (see onInitialize). */
let held = false;
let validatorOf: Validator | undefined;
function validator(): Validator {
  if (validatorOf) return validatorOf;
  const s = service();
  validatorOf = new s.Validator({
    options: () => options,
    lang: () => lang,
    roots: () => roots,
    openTexts: () => openTexts,
    uriOf: (file) => openByPath.get(file)?.uri ?? s.fileUri(file),
    versionOf: (file) => openByPath.get(file)?.version ?? null,
    stampOf,
    publish: (params) => void connection.sendDiagnostics(params).catch((e: unknown) => log(`modelarts: publish failed: ${String(e)}`)),
    log,
  });
  if (held) validatorOf.hold();
  return validatorOf;
}

function release(): void {
  held = false;
  validatorOf?.release();
}

/** Never let a handler throw: log and answer with the fallback. */
function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      log(`modelarts: ${name} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  lang = toLang(params.locale);
  const folders = params.workspaceFolders ?? [];
  roots = folders.map((f) => toPath(f.uri)).filter((p): p is string => !!p);
  if (!roots.length && params.rootUri) roots = [toPath(params.rootUri)].filter((p): p is string => !!p);
  const caps = params.capabilities;
  canPullConfiguration = !!caps.workspace?.configuration;
  canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  canRegisterWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
  hasWorkspaceFolders = !!caps.workspace?.workspaceFolders;
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  if (init?.settings) options = service().toCheckOptions(init.settings);
  // Check nothing before the user's settings are known: a first publish with default severities would flicker.
  if (canPullConfiguration) {
    held = true;
    // A client that never answers workspace/configuration must not keep the checks waiting.
    setTimeout(release, 3000).unref();
  }
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      completionProvider: { triggerCharacters: ['"', ':'] },
      hoverProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'modelarts-image-kit', version: '0.1.0' },
  };
});

async function pullSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  const [raw] = await connection.workspace.getConfiguration([{ section: 'modelarts' }]);
  const next = service().toCheckOptions(raw);
  if (!service().sameOptions(next, options)) {
    options = next;
    validator().revalidateAll();
  }
}

connection.onInitialized(() => {
  // Load the checker now, while the client is still opening its documents.
  setImmediate(() => validator());
  const settled = pullSettings()
    .catch((e: unknown) => log(`modelarts: reading settings failed: ${String(e)}`))
    .finally(release);
  const registrations: Promise<unknown>[] = [];
  if (canRegisterConfiguration) registrations.push(connection.client.register(DidChangeConfigurationNotification.type, { section: 'modelarts' }));
  // Every file may matter: app code for the route rules, any path for COPY checks. Filtered server side.
  if (canRegisterWatchers) registrations.push(connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }));
  for (const r of registrations) r.catch((e: unknown) => log(`modelarts: registration failed: ${String(e)}`));
  if (hasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => toPath(f.uri)));
      roots = roots.filter((r) => !removed.has(r)).concat(e.added.map((f) => toPath(f.uri)).filter((p): p is string => !!p));
      validator().revalidateAll();
    });
  }
  return settled;
});

connection.onDidChangeConfiguration(
  guard('didChangeConfiguration', undefined, async (params) => {
    if (canPullConfiguration) return pullSettings();
    const settings = (params.settings as { modelarts?: unknown } | null)?.modelarts;
    const next = service().toCheckOptions(settings);
    if (!service().sameOptions(next, options)) {
      options = next;
      validator().revalidateAll();
    }
  }),
);

documents.onDidChangeContent((e) => {
  try {
    const file = toPath(e.document.uri);
    if (!file) return;
    openByPath.set(file, e.document);
    openTexts.set(file, e.document.getText());
    validator().documentChanged(file);
  } catch (err) {
    log(`modelarts: change handling failed: ${String(err)}`);
  }
});

documents.onDidClose((e) => {
  try {
    const file = toPath(e.document.uri);
    if (!file) return;
    openByPath.delete(file);
    openTexts.delete(file);
    validator().documentClosed(file);
  } catch (err) {
    log(`modelarts: close handling failed: ${String(err)}`);
  }
});

connection.onDidChangeWatchedFiles((params) => {
  try {
    for (const change of params.changes) {
      const file = toPath(change.uri);
      if (file && !openTexts.has(file)) validator().diskFileChanged(file);
    }
  } catch (err) {
    log(`modelarts: watched file handling failed: ${String(err)}`);
  }
});

connection.onCodeAction(guard('codeAction', [], (params) => service().codeActions(params, documentChanges, isCurrent)));

function schemaDocument(uri: string): TextDocument | undefined {
  const doc = documents.get(uri);
  const file = toPath(uri);
  if (!doc || !file) return undefined;
  return service().wantsSchema(file, doc.getText(), service().overlayFiles(() => openTexts), options) ? doc : undefined;
}

connection.onCompletion(
  guard('completion', null, async (params) => {
    const doc = schemaDocument(params.textDocument.uri);
    return doc ? schema().complete(doc, params.position) : null;
  }),
);

connection.onHover(
  guard('hover', null, async (params) => {
    const doc = schemaDocument(params.textDocument.uri);
    return doc ? schema().hover(doc, params.position) : null;
  }),
);

connection.onShutdown(() => validatorOf?.dispose());

process.on('uncaughtException', (e) => log(`modelarts: uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => log(`modelarts: unhandled rejection: ${String(e)}`));

documents.listen(connection);
connection.listen();
