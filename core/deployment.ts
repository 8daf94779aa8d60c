// How the platform deploys a model folder's image: the service port, the probes, the user and the limits, as the
// ModelArts console sets them. One home for the decision, read alike by the static rules (the port the server must
// listen on), the engine (what the conformance run publishes and probes) and the faces.
//
// Where it comes from, strongest first: CLI flags / editor settings (`overrides`), the model folder's deployment
// file `modelarts-deploy.json` (JSON with comments, schemas/deploy.schema.json), config.json (`health`,
// `startup_health`, `readiness_health`), the profile's defaults. Under `seed-2021` the 2021 page holds: port 8080,
// one health check (config.json `health`), the image's own user, 10 GB.
import type { Profile } from './types';
import { parseDeploy, type ConfigDoc } from './parse/config';

/** The deployment file's name, in the model folder beside config.json (or the Dockerfile). */
export const DEPLOY_FILE = 'modelarts-deploy.json';

export type ProbeKind = 'startup' | 'readiness' | 'liveness';
const PROBE_KINDS: readonly ProbeKind[] = ['startup', 'readiness', 'liveness'];

/** Where ModelArts' cloud runs: Open Telekom Cloud's ModelArts has its own (smaller) image limit. */
export type Cloud = 'huaweicloud' | 'otc';

export interface Probe {
  kind: ProbeKind;
  /** HTTP: success is a status 200–399 (seed-2021: 200 with {"health": "true"}); EXEC: exit code 0. */
  method: 'HTTP' | 'EXEC';
  /** HTTP path (starts with /). */
  url: string;
  /** EXEC: the command, split on spaces as the console does (no shell). */
  command?: string[];
  initialDelayS: number;
  periodS: number;
  timeoutS: number;
  failureThreshold: number;
  /** Which file set it: the deployment file, config.json, or nothing (the console's defaults). */
  source: 'deploy' | 'config' | 'default';
}

export interface Deployment {
  profile: Profile;
  /** The container port ModelArts sends requests and HTTP probes to (the console's "port"; 8080 when empty). */
  port: number;
  /** Where the port comes from: a flag or setting, the deployment file, or the default (always under seed-2021). */
  portFrom: 'override' | 'deploy' | 'default';
  /** Who the container runs as (`uid:gid`); undefined: the image's own USER (seed-2021's default). */
  user?: string;
  /** The startup, readiness and liveness probes that are configured (none: any HTTP answer means serving). */
  probes: Probe[];
  /** The image size limit in bytes. */
  sizeLimitBytes: number;
  cloud: Cloud;
  /** A memory limit for the local run, in bytes (the flavour's memory); undefined: none. */
  memoryBytes?: number;
  /** GPUs for the local run (the flavour's); undefined: none. */
  gpus?: GpuRequest;
}

/** What CLI flags and settings may set; each wins over the deployment file. */
export interface DeploymentOverrides {
  port?: number;
  user?: string;
  cloud?: Cloud;
  memoryBytes?: number;
  gpus?: GpuRequest;
}

/** GPUs for the local run, as `docker run --gpus` takes them: every GPU, a count, or the devices by id. */
export type GpuRequest = { count: number | 'all' } | { deviceIds: string[] };

/** `all`, `N`, `device=ID[,ID]` (also `"device=0,1"` with its quotes, as people paste it); undefined when unreadable. */
export function parseGpus(raw: string): GpuRequest | undefined {
  const v = raw.trim().replace(/^"(.*)"$/, '$1');
  if (v === 'all') return { count: 'all' };
  if (/^[1-9]\d*$/.test(v)) return { count: Number(v) };
  const m = /^device=([\w.:-]+(?:,[\w.:-]+)*)$/.exec(v);
  return m ? { deviceIds: m[1].split(',') } : undefined;
}

export const MA_USER = '1000:100';
const GB = 1024 ** 3;

/** 10 GB (2021 page), 50 GB (today's Huawei Cloud), 30 GB (Open Telekom Cloud's ModelArts). */
export function sizeLimitOf(profile: Profile, cloud: Cloud = 'huaweicloud'): number {
  if (profile === 'seed-2021') return 10 * GB;
  return cloud === 'otc' ? 30 * GB : 50 * GB;
}

/** The console's defaults for a probe (S3: delay 12 s, every 5 s, 12 failures; timeout 3 s). */
const DEFAULTS = { initialDelayS: 12, periodS: 5, timeoutS: 3, failureThreshold: 12 };
const DEFAULT_EXEC_COMMAND = '/home/ma-user/health.sh';

/** A number or a numeric string (the docs write them as strings) at least `min`, else the default. */
function num(v: unknown, dflt: number, min: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min ? n : dflt;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** One probe from its fields (config.json `health` or a deployment file probe: the same keys). */
export function probeOf(kind: ProbeKind, raw: Record<string, unknown>, source: Probe['source']): Probe {
  const exec = typeof raw.check_method === 'string' && raw.check_method.toUpperCase() === 'EXEC';
  const command = typeof raw.command === 'string' && raw.command.trim() ? raw.command : DEFAULT_EXEC_COMMAND;
  return {
    kind,
    method: exec ? 'EXEC' : 'HTTP',
    url: typeof raw.url === 'string' && raw.url.startsWith('/') ? raw.url : '/health',
    command: exec ? command.trim().split(/\s+/) : undefined,
    initialDelayS: num(raw.initial_delay_seconds, DEFAULTS.initialDelayS, 0),
    periodS: num(raw.period_seconds, DEFAULTS.periodS, 1),
    timeoutS: num(raw.timeout_seconds, DEFAULTS.timeoutS, 1),
    failureThreshold: num(raw.failure_threshold, DEFAULTS.failureThreshold, 1),
    source,
  };
}

const CONFIG_KEYS: Record<ProbeKind, string> = { startup: 'startup_health', readiness: 'readiness_health', liveness: 'health' };

/**
 * The probes: the deployment file's `probes.<kind>` first, then config.json. config.json's `health` keeps its seed
 * meaning (the check that says the service is up) and is the liveness probe under `current`; under `seed-2021` it is
 * the only check.
 */
function probesOf(deploy: Record<string, unknown> | undefined, config: Record<string, unknown> | undefined, profile: Profile): Probe[] {
  if (profile === 'seed-2021') return isObject(config?.health) ? [probeOf('liveness', config.health, 'config')] : [];
  const fromDeploy = isObject(deploy?.probes) ? deploy.probes : {};
  const out: Probe[] = [];
  for (const kind of PROBE_KINDS) {
    const d = fromDeploy[kind];
    const c = config?.[CONFIG_KEYS[kind]];
    if (isObject(d)) out.push(probeOf(kind, d, 'deploy'));
    else if (isObject(c)) out.push(probeOf(kind, c, 'config'));
  }
  return out;
}

const validPort = (v: unknown): number | undefined => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535 ? (v as number) : undefined);

/**
 * The deployment of a model folder. `deploy`: the parsed deployment file (any value; a broken one counts as absent,
 * its diagnostics say why); `config`: config.json's value. Bad values fall back to defaults, never throw.
 */
export function deploymentOf(deploy: unknown, config: unknown, profile: Profile, overrides: DeploymentOverrides = {}): Deployment {
  const d = isObject(deploy) ? deploy : undefined;
  const c = isObject(config) ? config : undefined;
  const current = profile === 'current';
  const cloud: Cloud = overrides.cloud ?? (d?.cloud === 'otc' ? 'otc' : 'huaweicloud');
  const fileUser = typeof d?.user === 'string' && d.user.trim() ? d.user.trim() : undefined;
  const filePort = validPort(d?.port);
  return {
    profile,
    port: current ? overrides.port ?? filePort ?? 8080 : 8080,
    portFrom: !current ? 'default' : overrides.port !== undefined ? 'override' : filePort !== undefined ? 'deploy' : 'default',
    user: overrides.user ?? (current ? fileUser ?? MA_USER : undefined),
    probes: probesOf(d, c, profile),
    sizeLimitBytes: sizeLimitOf(profile, cloud),
    cloud,
    memoryBytes: overrides.memoryBytes ?? (typeof d?.memory_mb === 'number' && d.memory_mb > 0 ? d.memory_mb * 1024 ** 2 : undefined),
    gpus: overrides.gpus,
  };
}

/** The latest moment (s after start) at which ModelArts still accepts a probe's first success. */
export const probeBudgetS = (p: Pick<Probe, 'initialDelayS' | 'periodS' | 'failureThreshold' | 'timeoutS'>): number =>
  p.initialDelayS + p.periodS * (p.failureThreshold - 1) + p.timeoutS;

/**
 * The deployment file's value when it is usable: it parses without an error (JSON with comments and trailing commas)
 * and holds an object. Else undefined: nothing of it is used (MA120 says why).
 */
export function deployValueOf(doc: ConfigDoc | undefined): Record<string, unknown> | undefined {
  const usable = doc && !doc.unreadable && !doc.syntaxErrors.length && isObject(doc.value);
  return usable ? (doc.value as Record<string, unknown>) : undefined;
}

/** The deployment file's value from its text (see deployValueOf); undefined when it is not usable. */
export function parseDeployText(text: string): unknown {
  return deployValueOf(parseDeploy(DEPLOY_FILE, text));
}

/** `512m`, `4g`, `1.5G`, `65536k`, `1048576` (bytes), as `docker run --memory` writes them; undefined when not one. */
export function parseMemory(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmg]?)b?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  const n = Math.round(Number(m[1]) * unit);
  // The engine refuses limits under 6 MB.
  return n >= 6 * 1024 ** 2 ? n : undefined;
}

/** `1000:100`, `1000`, `ma-user`, `ma-user:ma-group`: what `docker run --user` takes. */
export const isUserSpec = (text: string): boolean => /^[A-Za-z0-9_][A-Za-z0-9_.-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/.test(text.trim());

export const isCloud = (v: unknown): v is Cloud => v === 'huaweicloud' || v === 'otc';
