// FileSource implementations: the disk, and the disk overlaid with the editor's open documents.
import * as fs from 'node:fs';
import type { FileSource } from './types';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * UTF-8 text of a file. Bytes that are not UTF-8 (a GBK config.json) become U+FFFD, as VS Code shows them, so the
 * checks see the same text in both faces and say "not UTF-8" once. The BOM is kept: MA100 reports it.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return lenientUtf8.decode(bytes);
  }
}

export const diskFiles: FileSource = {
  readText(p) {
    try {
      return decodeText(fs.readFileSync(p));
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
