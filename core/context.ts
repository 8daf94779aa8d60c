// What every rule receives: the model folder with its parsed files, the options and the files around it.
import type { CheckOptions, FileSource, RawFinding } from './types';
import type { ModelFolder } from './folders';
import type { ConfigDoc } from './parse/config';
import type { DockerfileDoc } from './parse/dockerfile';
import type { Deployment } from './deployment';

export interface ProjectContext {
  folder: ModelFolder;
  opts: CheckOptions;
  files: FileSource;
  config?: ConfigDoc;
  dockerfile?: DockerfileDoc;
  /** The deployment file (modelarts-deploy.json), parsed keeping its ranges (a ConfigDoc without the recovery). */
  deploy?: ConfigDoc;
  /** How the platform deploys the folder: the deployment file (when usable) over config.json over the defaults. */
  deployment: Deployment;
}

/** A rule family: looks at what it needs in the context and returns what it found. */
export type Rule = (ctx: ProjectContext) => RawFinding[];
