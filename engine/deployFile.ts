// The model folder's deployment as the engine runs it: core/deployment.ts over the folder's modelarts-deploy.json on
// disk (where core/folders.ts says it is). The push and Run Container read it alike; the conformance run, which parses
// the file once for its findings' anchors too, goes through deploymentOf itself.
import * as fs from 'node:fs';
import type { Profile } from '../core/types';
import { deployFileOf } from '../core/folders';
import { diskFiles } from '../core/files';
import { deploymentOf, parseDeployText, type Deployment, type DeploymentOverrides } from '../core/deployment';

interface FolderPaths {
  dir: string;
  configPath?: string;
  /** Already found (a core ModelFolder); else looked up. */
  deployPath?: string;
}

/** The folder's deployment file's value; undefined when absent or broken. */
function readDeployFile(folder: FolderPaths): unknown {
  const file = folder.deployPath ?? deployFileOf(folder, diskFiles);
  try {
    return file ? parseDeployText(fs.readFileSync(file, 'utf8')) : undefined;
  } catch {
    return undefined; // unreadable: the editor's diagnostics say why
  }
}

export function folderDeployment(folder: FolderPaths, config: unknown, profile: Profile, overrides?: DeploymentOverrides): Deployment {
  return deploymentOf(readDeployFile(folder), config, profile, overrides);
}
