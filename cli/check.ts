// `modelarts-image check PATH... [--format text|json|sarif] [--profile ...] [--lang en|zh-cn] [--rule CODE=SEV]`
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { L } from '../core/i18n';
import { checkPaths } from '../core/check';
import { checkOptionsFrom, COMMON_OPTIONS, parseLang, UsageError } from './options';
import { flatten } from './format/findings';
import { formatText } from './format/text';
import { formatSarif } from './format/sarif';

export const CHECK_USAGE = `Usage: modelarts-image check PATH... [options]

Checks ModelArts config.json files and Dockerfiles (files, or folders searched for model folders).

Options:
  --format text|json|sarif   output format (default text)
  --profile seed-2021|current  spec profile (default seed-2021)
  --lang en|zh-cn            message language (default from LANG)
  --rule CODE=SEVERITY       change a rule: error|warning|info|hint|off (repeatable, comma-separated)
  --service online|batch     force the service kind of the Dockerfiles
  --config-file GLOB         also treat files matching GLOB as config.json (repeatable)

Exit status: 0 no error found, 1 an error was found, 2 bad usage.
`;

export function runCheckCommand(argv: string[], version: string): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...COMMON_OPTIONS, 'config-file': { type: 'string', multiple: true } },
  });
  if (values.help) {
    process.stdout.write(CHECK_USAGE);
    return 0;
  }
  if (!positionals.length) throw new UsageError(L('check needs at least one PATH (a file or a folder)', 'check 至少需要一个 PATH（文件或文件夹）'));
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(L(
    `--format must be text, json or sarif, not "${format}"`,
    `--format 只能是 text、json 或 sarif，而不是 "${format}"`));
  for (const p of positionals) if (!fs.existsSync(p)) throw new UsageError(L(`no such file or folder: ${p}`, `没有这个文件或文件夹：${p}`));
  const opts = checkOptionsFrom(values);
  const lang = parseLang(values.lang);

  const { folders, findings } = checkPaths(positionals, opts);
  if (!folders.length) {
    process.stderr.write(lang === 'zh-cn'
      ? `在 ${positionals.join(', ')} 中没有找到 ModelArts 模型目录（含 model_type 或 apis 的 config.json）。\n`
      : `No ModelArts model folder (a config.json with model_type or apis) found in ${positionals.join(', ')}.\n`);
  }
  if (format === 'json') process.stdout.write(JSON.stringify({ findings: findings.map((f) => flatten(f, lang)) }, null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(formatSarif(findings, lang, version));
  else process.stdout.write(formatText(findings, lang, folders.length));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
