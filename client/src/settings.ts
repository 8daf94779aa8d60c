// The settings the Docker workflow reads. modelarts.dockerHost is machine-scoped: only the user's own (global)
// value counts, so an opened folder can never point the extension at another engine.
import * as vscode from 'vscode';
import type { Profile, ServiceKind, SeveritySetting } from '../../core/types';
import { toCheckOptions } from '../../core/settings';
import { DEFAULT_STOP_TIMEOUT_S } from '../../engine/report';
import { isCloud, isUserSpec, parseGpus, parseMemory, type DeploymentOverrides } from '../../core/deployment';

export interface WorkflowSettings {
  dockerHost?: string;
  /** modelarts.dockerTunnel (machine-scoped, like dockerHost): reach a tcp:// engine's ports through SSH. */
  dockerTunnel?: string;
  env: Record<string, string>;
  startTimeoutS: number;
  /** Wait after SIGTERM before the kill (MA410). */
  stopTimeoutS: number;
  samplesFolder: string;
  profile: Profile;
  /** `modelarts.serviceKind` (undefined: detect from the Dockerfile). */
  serviceKind?: ServiceKind;
  /** `modelarts.rules`: per-code severities, read as the language server reads them. */
  rules: Record<string, SeveritySetting>;
  /** `modelarts.container.user`, `modelarts.container.memory`, `modelarts.cloud`: each wins over modelarts-deploy.json. */
  deployment: DeploymentOverrides;
}

export function workflowSettings(folder?: vscode.Uri): WorkflowSettings {
  const c = vscode.workspace.getConfiguration('modelarts', folder);
  const host = c.inspect<string>('dockerHost')?.globalValue?.trim();
  const tunnel = c.inspect<string>('dockerTunnel')?.globalValue?.trim();
  const rawEnv = c.get<Record<string, unknown>>('container.env') ?? {};
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawEnv)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) && v !== undefined && v !== null) env[k] = String(v);
  const timeout = Number(c.get('container.startTimeoutSeconds'));
  const stop = Number(c.get('container.stopTimeoutSeconds'));
  // Profile, service kind and rules mean here what they mean to the language server: one reader.
  const check = toCheckOptions({ profile: c.get('profile'), serviceKind: c.get('serviceKind'), rules: c.get('rules') });
  return {
    dockerHost: host || undefined,
    dockerTunnel: tunnel || undefined,
    env,
    startTimeoutS: Number.isFinite(timeout) && timeout > 0 ? timeout : 120,
    stopTimeoutS: Number.isFinite(stop) && stop > 0 ? stop : DEFAULT_STOP_TIMEOUT_S,
    samplesFolder: (c.get<string>('requestSamplesFolder') ?? 'requests').trim() || 'requests',
    profile: check.profile,
    serviceKind: check.serviceKind,
    rules: check.rules,
    deployment: deploymentSettings(c),
  };
}

/** Bad values count as unset (the manifest's patterns already flag them in the settings editor). */
function deploymentSettings(c: vscode.WorkspaceConfiguration): DeploymentOverrides {
  const user = (c.get<string>('container.user') ?? '').trim();
  const memory = (c.get<string>('container.memory') ?? '').trim();
  const gpus = (c.get<string>('container.gpus') ?? '').trim();
  // Only a value someone set counts: the manifest's default must not hide the deployment file's `cloud`.
  const i = c.inspect<string>('cloud');
  const cloud = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  return {
    user: user && isUserSpec(user) ? user : undefined,
    memoryBytes: memory ? parseMemory(memory) : undefined,
    cloud: isCloud(cloud) ? cloud : undefined,
    gpus: gpus ? parseGpus(gpus) : undefined,
  };
}
