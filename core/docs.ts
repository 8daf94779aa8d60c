// Where the rule pages live, as file: URIs. The server bundle is dist/server.js; the pages are docs/rules/<CODE>.md
// beside dist/, both in the repository and in the packaged extension.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const DOCS_DIR = path.resolve(__dirname, '..', 'docs', 'rules');

function ruleDocPath(code: string): string {
  return path.join(DOCS_DIR, `${code}.md`);
}

export function ruleDocUri(code: string): string {
  return pathToFileURL(ruleDocPath(code)).href;
}
