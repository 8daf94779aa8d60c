// The manifest's user-facing text: every %key% has an English and a Simplified Chinese entry, every command is in
// the ModelArts category, the docker host setting is machine-scoped, and untrusted workspaces are "limited".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8'));
const pkg = read('package.json');
const en = read('package.nls.json');
const zh = read('package.nls.zh-cn.json');
type Group = { id: string; title: string; properties: Record<string, Record<string, unknown>> };
/** Every setting of every configuration group. */
const settingsOf = (p: typeof pkg): Record<string, Record<string, unknown>> & Record<string, { scope?: string }> =>
  Object.assign({}, ...(p.contributes.configuration as Group[]).map((g) => g.properties));

test('every %key% of package.json has en and zh-cn text', () => {
  const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  assert.ok(keys.length > 20, `only ${keys.length} localized strings`);
  assert.deepEqual(keys.filter((k) => !en[k]), [], 'missing in package.nls.json');
  assert.deepEqual(keys.filter((k) => !zh[k]), [], 'missing in package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort(), 'en and zh-cn have the same keys');
  // A page's path is no text: what it names is checked by the walkthrough pages' test.
  for (const k of Object.keys(zh).filter((x) => !x.endsWith('.media'))) assert.match(zh[k], /[\u4e00-\u9fff]/, `${k} is not Chinese`);
});

test('commands: category ModelArts, the nine the user needs, each registered by the client', () => {
  const ids = pkg.contributes.commands.map((c: { command: string }) => c.command);
  for (const id of ['buildImage', 'runContainer', 'probeHealth', 'sendTestRequest', 'buildAndTest', 'stopContainer', 'showLogs', 'newProject', 'openRuleDoc']) {
    assert.ok(ids.includes(`modelarts.${id}`), `modelarts.${id} missing`);
  }
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'ModelArts');
  const src = fs.readdirSync(path.join(root, 'client/src'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.startsWith('engine'))
    .map((f) => fs.readFileSync(path.join(root, 'client/src', f), 'utf8')).join('\n');
  for (const id of ids) assert.ok(src.includes(`'${id}'`), `${id} is never registered`);
});

test('the test-only report command is not shipped: no contributed command, menu entry or text names it', () => {
  const manifest = JSON.stringify({ contributes: pkg.contributes, en, zh });
  assert.doesNotMatch(manifest, /e2eReport|modelarts\.e2e/);
  const src = fs.readFileSync(path.join(root, 'client/src/e2eReport.ts'), 'utf8');
  assert.match(src, /const file = process\.env\.MODELARTS_E2E_REPORT;\n\s*if \(!file\) return \[\];/, 'registered only under MODELARTS_E2E_REPORT');
});

test('settings: docker host machine-scoped; trust limited; snippets and walkthrough media exist', () => {
  const props = settingsOf(pkg);
  assert.equal(props['modelarts.dockerHost'].scope, 'machine');
  // It names a host the kit runs ssh to: never from a workspace.
  assert.equal(props['modelarts.dockerTunnel'].scope, 'machine');
  assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('modelarts.dockerTunnel'));
  for (const k of ['modelarts.container.env', 'modelarts.container.startTimeoutSeconds', 'modelarts.requestSamplesFolder', 'modelarts.profile',
    'modelarts.rules']) assert.ok(props[k], k);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  for (const s of pkg.contributes.snippets) assert.ok(fs.existsSync(path.join(root, s.path)), s.path);
});

test('walkthrough pages: one per language, named through the nls files; the English page has no Chinese, the Chinese page no English prose', () => {
  const steps = (pkg.contributes.walkthroughs as { steps: { id: string, media: { markdown: string } }[] }[]).flatMap((w) => w.steps);
  assert.ok(steps.length >= 3);
  const key = (s: { media: { markdown: string } }) => /^%(.+)%$/.exec(s.media.markdown)?.[1] ?? '';
  for (const s of steps) {
    assert.ok(key(s), `${s.id}: the page is an nls key, so each UI language gets its own page`);
    const [pageEn, pageZh] = [en[key(s)], zh[key(s)]];
    assert.match(pageEn, /^media\/walkthrough\/en\/[\w-]+\.md$/);
    assert.equal(pageZh, pageEn.replace('/en/', '/zh-cn/'));
    const [textEn, textZh] = [pageEn, pageZh].map((p) => fs.readFileSync(path.join(root, p), 'utf8'));
    assert.doesNotMatch(textEn, /[\u4e00-\u9fff]/, `${pageEn} is English only`);
    // Names stay (ModelArts, Dockerfile, config.json, MA codes, commands); what is left of the prose is Chinese.
    const names = /`[^`]*`|\*\*ModelArts:[^*]*\*\*|ModelArts|Dockerfile|Docker|Podman|VS Code|Ctrl\+\.|JSON|HTTP|MA\dxx|[\w.-]+\.(json|py|sh)/g;
    const prose = textZh.replace(names, '');
    assert.deepEqual(prose.match(/\b[A-Za-z]{4,}\b/g) ?? [], [], `${pageZh}: English words left in the Chinese page`);
    assert.match(textZh.split('\n')[0], /^# .*[\u4e00-\u9fff]/);
  }
});

test('settings read "ModelArts": two groups whose ids trim the key prefix; every choice of every enum is described in en and zh', () => {
  const groups = pkg.contributes.configuration as Group[];
  // VS Code labels a setting from its key ("Modelarts: Profile") and trims the id of its group from the front. An
  // extension with one group gets the extension's id as the group id (no trim), hence two groups with their own ids.
  assert.deepEqual(groups.map((g) => g.id), ['modelarts', 'modelarts.container']);
  for (const g of groups) {
    const key = g.title.replace(/^%|%$/g, '');
    // Shown under the extension's own node ("ModelArts Image Kit"): short, so the settings outline does not cut them.
    assert.ok(en[key].length <= 16 && zh[key].length <= 8, `${en[key]} / ${zh[key]}`);
    assert.notEqual(en[key], pkg.displayName, 'a group titled as the extension would become its parent node');
  }
  const props = settingsOf(pkg) as Record<string, { enum?: string[]; enumDescriptions?: string[]; description?: string; markdownDescription?: string;
    additionalProperties?: { enum?: string[]; enumDescriptions?: string[] } }>;
  assert.ok(Object.keys(props).length >= 14, 'every setting is in a group');
  const enums: [string, { enum: string[]; enumDescriptions?: string[] }][] = [];
  for (const [k, p] of Object.entries(props)) {
    if (p.enum) enums.push([k, p as { enum: string[] }]);
    if (p.additionalProperties?.enum) enums.push([`${k} values`, p.additionalProperties as { enum: string[] }]);
  }
  assert.ok(enums.some(([k]) => k === 'modelarts.profile'));
  for (const [k, p] of enums) {
    assert.equal(p.enumDescriptions?.length, p.enum.length, `${k}: one description per choice`);
    for (const d of p.enumDescriptions!) assert.match(d, /^%config\.[\w.-]+%$/, `${k}: ${d} is an nls key`);
  }
  for (const [k, p] of Object.entries(props)) {
    assert.match(p.description ?? p.markdownDescription ?? '', /^%config\.[\w.]+%$/, `${k} has a localized description`);
  }
});

test('walkthrough: a title that fits its card, each step says how long it takes, and ticks however its command ran', () => {
  const w = pkg.contributes.walkthroughs[0];
  const key = (v: string) => v.replace(/^%|%$/g, '');
  // The Welcome page's card shows about 30 characters of a title (measured: "Get started with ModelArts Image Kit" was cut).
  assert.ok(en[key(w.title)].length <= 28, en[key(w.title)]);
  assert.ok(zh[key(w.title)].length <= 16, zh[key(w.title)]);
  const step = (id: string) => w.steps.find((s: { id: string }) => s.id === id);
  assert.match(en[key(step('createConfig').description)], /few seconds/);
  assert.match(en[key(step('buildAndTest').description)], /about a minute the first time/);
  assert.match(zh[key(step('buildAndTest').description)], /首次约一分钟/);
  // A command the extension runs itself (a toast's button, the status bar's menu) fires no workbench onCommand event:
  // the steps also tick on context keys the commands set.
  const src = (f: string) => fs.readFileSync(path.join(root, 'client/src', f), 'utf8');
  for (const [id, ctxKey, file] of [['createConfig', 'modelarts.walkthrough.created', 'commands/scaffold.ts'],
    ['buildAndTest', 'modelarts.walkthrough.tested', 'extension.ts']]) {
    assert.ok(step(id).completionEvents.includes(`onContext:${ctxKey}`), id);
    assert.ok(src(file).includes(`'setContext', '${ctxKey}', true`), `${file} sets ${ctxKey}`);
  }
});
