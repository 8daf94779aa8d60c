// Completion and hover for config.json from schemas/config.schema.json, through vscode-json-languageservice.
// Its validation is switched off: diagnostics come from the rules only, so each problem shows once.
// The schema keeps English in `description`/`enumDescriptions` and Chinese in `x-description-zh` /
// `x-enumDescriptions-zh` (see its $comment); the copy handed to the service is localized and links to the
// rule page named by `x-code`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JSONDocument, LanguageService } from 'vscode-json-languageservice';
import type { CompletionList, Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseTree } from 'jsonc-parser';
import type { CheckOptions, FileSource, Lang } from '../../../core/types';
import { isModelArtsConfig } from '../../../core/folders';
import { ruleMeta } from '../../../core/rules/catalogue';
import { pick } from '../../../core/i18n';
import { ruleDocUri } from '../../../core/docs';

const SCHEMA_URI = 'modelarts://schemas/config.schema.json';
/** Completion and hover on bigger texts are skipped: no real config.json comes close. */
const MAX_TEXT = 5 * 1024 * 1024;

export function schemaPath(): string {
  return path.resolve(__dirname, '..', 'schemas', 'config.schema.json');
}

const escapeMarkdown = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, (c) => '\\' + c);

/** A copy of the schema whose descriptions are in `lang`, with a rule link where the node names its rule code. */
export function localizeSchema(node: unknown, lang: Lang): unknown {
  if (Array.isArray(node)) return node.map((n) => localizeSchema(n, lang));
  if (!node || typeof node !== 'object') return node;
  const src = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) {
    // Keys inside `properties`/`definitions` are names, not keywords: recurse into every value.
    out[k] = k === 'enum' || k === 'const' || k === 'default' || k === 'examples' ? v : localizeSchema(v, lang);
  }
  if (lang === 'zh-cn') {
    if (typeof src['x-description-zh'] === 'string') out.description = src['x-description-zh'];
    if (Array.isArray(src['x-enumDescriptions-zh'])) out.enumDescriptions = src['x-enumDescriptions-zh'];
  }
  const code = src['x-code'];
  if (typeof out.description === 'string' && typeof code === 'string' && ruleMeta(code)) {
    const label = lang === 'zh-cn' ? '规则：' : 'Rule: ';
    out.markdownDescription = `${escapeMarkdown(out.description)}\n\n${label}[${code}](${ruleDocUri(code)}) ${escapeMarkdown(pick(ruleMeta(code)!.title, lang))}`;
  }
  return out;
}

export class SchemaFeatures {
  private readonly service: LanguageService;
  private parsed?: { uri: string; version: number; json: JSONDocument };

  constructor(lang: Lang, schemaFile = schemaPath()) {
    // Loaded on the first completion or hover, not at start-up: most sessions only need diagnostics, and the
    // service's module initialisation costs start-up time and resident memory.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getLanguageService } = require('vscode-json-languageservice') as typeof import('vscode-json-languageservice');
    this.service = getLanguageService({});
    let schema: unknown = {};
    try {
      schema = localizeSchema(JSON.parse(fs.readFileSync(schemaFile, 'utf8')), lang);
    } catch {
      // No schema (a broken install): completion and hover offer nothing; the checks still run.
    }
    this.service.configure({ validate: false, allowComments: true, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: schema as object }] });
  }

  private json(doc: TextDocument): JSONDocument {
    if (this.parsed && this.parsed.uri === doc.uri && this.parsed.version === doc.version) return this.parsed.json;
    const json = this.service.parseJSONDocument(doc);
    this.parsed = { uri: doc.uri, version: doc.version, json };
    return json;
  }

  async complete(doc: TextDocument, pos: Position): Promise<CompletionList | null> {
    if (doc.getText().length > MAX_TEXT) return null;
    return this.service.doComplete(doc, pos, this.json(doc));
  }

  async hover(doc: TextDocument, pos: Position): Promise<Hover | null> {
    if (doc.getText().length > MAX_TEXT) return null;
    return this.service.doHover(doc, pos, this.json(doc));
  }
}

/** Completion and hover only in config files the checks treat as ModelArts ones, or in a config.json just begun. */
export function wantsSchema(file: string, text: string, files: FileSource, opts: CheckOptions): boolean {
  if (isModelArtsConfig(file, files, opts)) return true;
  if (path.basename(file) !== 'config.json') return false;
  if (!text.trim()) return true;
  const root = text.length < 65536 ? parseTree(text) : undefined;
  return root?.type === 'object' && !root.children?.length;
}
