// The model folder's deployment as the engine runs it: core/deployment.ts over the folder's modelarts-deploy.json on
// disk (beside config.json, else in the folder). The conformance run and Run Container read it alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Profile } from '../core/types';
import { DEPLOY_FILE, deploymentOf, parseDeployText, type Deployment, type DeploymentOverrides } from '../core/deployment';

interface FolderPaths {
  dir: string;
  configPath?: string;
}

/** Where the folder's deployment file is: beside config.json, else in the folder (the Dockerfile's); undefined: none. */
export function deployFileOf(folder: FolderPaths): string | undefined {
  const dirs = [folder.configPath ? path.dirname(folder.configPath) : folder.dir, folder.dir];
  return dirs.map((d) => path.join(d, DEPLOY_FILE)).find((f) => fs.existsSync(f));
}

/** The folder's deployment file's value; undefined when absent or broken. */
function readDeployFile(folder: FolderPaths): unknown {
  const file = deployFileOf(folder);
  try {
    return file ? parseDeployText(fs.readFileSync(file, 'utf8')) : undefined;
  } catch {
    return undefined; // unreadable: the editor's diagnostics say why
  }
}

export function folderDeployment(folder: FolderPaths, config: unknown, profile: Profile, overrides?: DeploymentOverrides): Deployment {
  return deploymentOf(readDeployFile(folder), config, profile, overrides);
}
