// FileSource implementations: the disk, and the disk overlaid with the editor's open documents.
import * as fs from 'node:fs';
import type { FileSource } from './types';

export const diskFiles: FileSource = {
  readText(p) {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists: (p) => fs.existsSync(p),
  isDirectory(p) {
    try {
      return fs.statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
  listDir(p) {
    try {
      return fs.readdirSync(p);
    } catch {
      return [];
    }
  },
};

/** Open documents win over the disk, so cross-file rules see unsaved edits. */
export function overlayFiles(open: () => Map<string, string>, base: FileSource = diskFiles): FileSource {
  return {
    readText: (p) => open().get(p) ?? base.readText(p),
    exists: (p) => open().has(p) || base.exists(p),
    isDirectory: (p) => base.isDirectory(p),
    listDir(p) {
      const names = new Set(base.listDir(p));
      const prefix = p.endsWith('/') ? p : p + '/';
      for (const f of open().keys()) if (f.startsWith(prefix) && !f.slice(prefix.length).includes('/')) names.add(f.slice(prefix.length));
      return [...names];
    },
  };
}
