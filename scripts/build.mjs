// Bundles the extension, the language server and the CLI into dist/ with esbuild.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { generateAll } from './gen-validator.mjs';

// The shell parser (mvdan-sh, GopherJS) ships as its own file beside the bundles: bundled, esbuild re-prints its
// minified 1.5 MB as 3.2 MB in each of server.js and cli.js. The bundles require it as ./vendor/mvdan-sh.js.
const shellParser = {
  name: 'shell-parser',
  setup(b) {
    b.onResolve({ filter: /^mvdan-sh$/ }, () => ({ path: './vendor/mvdan-sh.js', external: true }));
  },
};
// The language server answers initialize before it loads its checker: server.ts requires ./service at first use,
// which is its own bundle, dist/server-service.js.
const lazyService = {
  name: 'lazy-service',
  setup(b) {
    const server = join('server', 'src', 'server.ts');
    b.onResolve({ filter: /^\.\/service$/ }, (a) => (a.importer.endsWith(server) ? { path: './server-service.js', external: true } : undefined));
  },
};
const require = createRequire(import.meta.url);
const shDir = dirname(require.resolve('mvdan-sh/package.json'));
mkdirSync('dist/vendor', { recursive: true });
copyFileSync(join(shDir, 'index.js'), 'dist/vendor/mvdan-sh.js');
copyFileSync(join(shDir, 'LICENSE'), 'dist/vendor/mvdan-sh.LICENSE');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Prefer ESM builds: jsonc-parser's UMD main uses dynamic requires that a bundle cannot resolve.
  mainFields: ['module', 'main'],
  // Optional native modules of ssh2 (docker over ssh); ssh2 falls back to pure JS without them.
  external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
  plugins: [shellParser],
};

// The precompiled schema validators first: the bundles include them.
generateAll();

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: [...common.external, 'vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [...common.plugins, lazyService] }),
  build({ ...common, entryPoints: ['server/src/service.ts'], outfile: 'dist/server-service.js' }),
  build({ ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli.js', 0o755);
