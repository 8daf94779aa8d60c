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

/** The folder's deployment file, beside config.json or the Dockerfile; undefined when absent or broken. */
function readDeployFile(folder: FolderPaths): unknown {
  const dirs = [folder.configPath ? path.dirname(folder.configPath) : folder.dir, folder.dir];
  for (const d of dirs) {
    const file = path.join(d, DEPLOY_FILE);
    try {
      if (fs.existsSync(file)) return parseDeployText(fs.readFileSync(file, 'utf8'));
    } catch {
      return undefined; // unreadable: the editor's diagnostics say why
    }
  }
  return undefined;
}

export function folderDeployment(folder: FolderPaths, config: unknown, profile: Profile, overrides?: DeploymentOverrides): Deployment {
  return deploymentOf(readDeployFile(folder), config, profile, overrides);
}
