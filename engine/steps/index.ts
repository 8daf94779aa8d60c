// The conformance run as a list of steps, in order. The runner (engine/conformance.ts), the editor's test tree
// (plannedChecks) and the reports all read this one list.
import type { Localized, ServiceKind } from '../../core/types';
import { serviceKindOfText } from '../../core/analysis/service';
import { apiSpecs } from '../infer';
import { deploymentOf, type Deployment } from '../../core/deployment';
import { apiStep, noApisStep } from './api';
import { batchStep } from './batch';
import { buildStep } from './build';
import { probeSteps } from './health';
import { keepAliveStep } from './keepAlive';
import { logsStep } from './logs';
import { platformStep } from './platform';
import { sizeStep } from './size';
import { startStep } from './start';
import type { Step } from './step';
import { stopStep } from './stop';

/**
 * The steps for a folder whose config.json is `config`, deployed as `deployment` (its port, its probes: one check per
 * probe under current, seed-2021's `health`); the apis give their ids and titles.
 */
export function conformanceSteps(config: unknown, deployment: Deployment = deploymentOf(undefined, config, 'seed-2021')): Step[] {
  const apis = apiSpecs(config);
  const probes = probeSteps(deployment);
  return [
    buildStep, sizeStep, platformStep, batchStep, startStep(deployment.port), ...probes.before,
    ...(apis.length ? apis.map(apiStep) : [noApisStep]),
    ...probes.after, keepAliveStep, logsStep, stopStep,
  ];
}

export interface PlannedCheck {
  id: string;
  title: Localized;
  /** Shown before the run (false: a check that does not apply to this kind of service, or the "no apis" note). */
  planned: boolean;
}

/**
 * The checks a run of this folder will have, known before it runs (the editor fills its test tree at once): its
 * config.json gives the apis, its Dockerfile the service kind (decided as the static rules decide it), its
 * deployment (engine/deployFile.ts) the port and the probe checks.
 */
export function plannedChecks(
  config: unknown, dockerfile: { file: string; text?: string }, forced?: ServiceKind, deployment?: Deployment,
): PlannedCheck[] {
  const kind = serviceKindOfText(dockerfile.file, dockerfile.text, forced).kind;
  return conformanceSteps(config, deployment).map((s) => ({ id: s.id, title: s.title, planned: s.planned?.(kind) ?? true }));
}
