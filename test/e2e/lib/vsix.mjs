// The entries of a .vsix (a zip). Read from the zip's central directory by hand: Node has no zip reader, and the
// ones in node_modules are only transitive dependencies of vsce.
import fs from 'node:fs';

function vsixEntries(file) {
  const buf = fs.readFileSync(file);
  // End of central directory: signature 0x06054b50 within the last 64 KiB (+22 bytes) of the file.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error(`${file} is not a zip`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/** Throws unless the .vsix holds what the extension reads at run time. */
export function checkVsix(file) {
  const names = vsixEntries(file);
  const want = ['extension/package.json', 'extension/package.nls.json', 'extension/package.nls.zh-cn.json', 'extension/dist/extension.js',
    'extension/dist/server.js', 'extension/dist/server-service.js', 'extension/dist/cli.js',
    'extension/docs/rules/', 'extension/docs/rules/zh-cn/', 'extension/schemas/', 'extension/snippets/', 'extension/media/'];
  const missing = want.filter((w) => !names.some((n) => (w.endsWith('/') ? n.startsWith(w) : n === w)));
  if (missing.length) throw new Error(`the .vsix lacks ${missing.join(', ')}`);
  const stray = names.filter((n) => /^extension\/(node_modules|client|server|test|\.code-server)\//.test(n) || n.endsWith('.map'));
  if (stray.length) throw new Error(`the .vsix carries sources or dependencies: ${stray.slice(0, 5).join(', ')}`);
  return names;
}
