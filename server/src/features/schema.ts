// Completion and hover for config.json (schemas/config.schema.json) and the deployment file modelarts-deploy.json
// (schemas/deploy.schema.json), through vscode-json-languageservice, each file by its own schema URI. Its validation
// is switched off: diagnostics come from the rules only, so each problem shows once. The copies handed to the service
// are core's localized schemas, with links to the rule pages named by `x-code`.
import * as path from 'node:path';
import type { JSONDocument, LanguageService } from 'vscode-json-languageservice';
import type { CompletionList, Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseTree } from 'jsonc-parser';
import type { CheckOptions, FileSource, Lang } from '../../../core/types';
import { folderForFile, isModelArtsConfig } from '../../../core/folders';
import { DEPLOY_FILE } from '../../../core/deployment';
import { ruleMeta } from '../../../core/rules/catalogue';
import { localizedSchema } from '../../../core/schema/configSchema';
import { localizedDeploySchema } from '../../../core/schema/deploySchema';
import { unfitInput } from '../../../core/parse/text';

const SCHEMA_URI = 'modelarts://schemas/config.schema.json';
const DEPLOY_SCHEMA_URI = 'modelarts://schemas/deploy.schema.json';

export class SchemaFeatures {
  private readonly service: LanguageService;
  private parsed?: { uri: string; version: number; json: JSONDocument };

  constructor(lang: Lang) {
    // Loaded on the first completion or hover, not at start-up: most sessions only need diagnostics, and the
    // service's module initialisation costs start-up time and resident memory.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getLanguageService } = require('vscode-json-languageservice') as typeof import('vscode-json-languageservice');
    this.service = getLanguageService({});
    const title = (code: string) => ruleMeta(code)?.title;
    this.service.configure({
      validate: false,
      allowComments: true,
      schemas: [
        { uri: SCHEMA_URI, fileMatch: ['*', `!${DEPLOY_FILE}`], schema: localizedSchema(lang, title) },
        { uri: DEPLOY_SCHEMA_URI, fileMatch: [DEPLOY_FILE], schema: localizedDeploySchema(lang, title) },
      ],
    });
  }

  private json(doc: TextDocument): JSONDocument {
    if (this.parsed && this.parsed.uri === doc.uri && this.parsed.version === doc.version) return this.parsed.json;
    const json = this.service.parseJSONDocument(doc);
    this.parsed = { uri: doc.uri, version: doc.version, json };
    return json;
  }

  async complete(doc: TextDocument, pos: Position): Promise<CompletionList | null> {
    if (unfitInput(doc.getText()) === 'too-large') return null;
    return this.service.doComplete(doc, pos, this.json(doc));
  }

  async hover(doc: TextDocument, pos: Position): Promise<Hover | null> {
    if (unfitInput(doc.getText()) === 'too-large') return null;
    return this.service.doHover(doc, pos, this.json(doc));
  }
}

/**
 * Completion and hover only in config files the checks treat as ModelArts ones, or in a config.json just begun, and
 * in the deployment file of a model folder.
 */
export function wantsSchema(file: string, text: string, files: FileSource, opts: CheckOptions): boolean {
  if (path.basename(file) === DEPLOY_FILE) return folderForFile(file, files, opts) !== undefined;
  if (isModelArtsConfig(file, files, opts)) return true;
  if (path.basename(file) !== 'config.json') return false;
  if (!text.trim()) return true;
  const root = text.length < 65536 ? parseTree(text) : undefined;
  return root?.type === 'object' && !root.children?.length;
}
