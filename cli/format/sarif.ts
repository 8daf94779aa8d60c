// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, GitLab, Azure DevOps).
import { pathToFileURL } from 'node:url';
import type { Finding, Lang } from '../../core/types';
import { pick } from '../../core/i18n';
import { RULES } from '../../core/rules/catalogue';
import { displayPath } from './findings';
import { ruleDocUri } from '../../core/docs';

const LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const location = (file: string, r: Finding['range']) => ({
  physicalLocation: {
    artifactLocation: { uri: encodeURI(displayPath(file)) },
    region: { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 },
  },
});

export function formatSarif(findings: Finding[], lang: Lang, version: string): string {
  const used = RULES.filter((r) => r.family !== 'image' || findings.some((f) => f.code === r.code));
  const index = new Map(used.map((r, i) => [r.code, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'modelarts-image',
            version,
            rules: used.map((r) => ({
              id: r.code,
              name: r.code,
              shortDescription: { text: pick(r.title, lang) },
              helpUri: ruleDocUri(r.code, lang),
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(process.cwd() + '/').href } },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code),
          level: LEVEL[f.severity],
          message: { text: pick(f.message, lang) },
          locations: [location(f.file, f.range)],
          ...(f.related?.length
            ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.range), message: { text: pick(r.message, lang) } })) }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
