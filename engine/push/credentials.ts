// Registry credentials found the way the docker CLI finds them: `$DOCKER_CONFIG/config.json` (default
// ~/.docker/config.json) — `credHelpers[registry]`, else `credsStore`, else `auths[registry].auth` (base64
// "user:password"). A helper is run as `docker-credential-<name> get` with the server on stdin (never on a command
// line). Nothing here is ever printed or logged: callers see `source`, never the secret.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** What the engine's push takes as X-Registry-Auth (dockerode sends it as that header). */
export interface RegistryAuth {
  username?: string;
  password?: string;
  /** An OAuth identity token (a helper answering Username "<token>"). */
  identitytoken?: string;
  serveraddress: string;
  /** Where it came from, for messages: `auths`, `credsStore "pass"`, `credHelpers "swr"`, `login`. */
  source: string;
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** `https://host/v1/` and `host` name the same registry in config.json keys. */
const hostOf = (key: string): string => key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();

function readConfig(env: NodeJS.ProcessEnv, home: string): DockerConfig {
  const file = path.join(env.DOCKER_CONFIG || path.join(home, '.docker'), 'config.json');
  try {
    const v: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return v && typeof v === 'object' ? (v as DockerConfig) : {};
  } catch {
    return {};
  }
}

/** Runs `docker-credential-<helper> get`; undefined when it knows no credential for the server. */
function fromHelper(helper: string, server: string, env: NodeJS.ProcessEnv): Promise<RegistryAuth | undefined> {
  return new Promise((resolve, reject) => {
    const child = execFile(`docker-credential-${helper}`, ['get'], { env, timeout: 15_000, maxBuffer: 1024 * 1024 }, (err, stdout) => {
      if (err) {
        // The helpers' own "not found" answer (exit 1, "credentials not found in native keychain").
        if (/not found/i.test(String(stdout)) || (err as { code?: unknown }).code === 1) return resolve(undefined);
        return reject(new Error(`docker-credential-${helper} get failed: ${(err as Error).message.split('\n')[0]}`));
      }
      try {
        const v = JSON.parse(stdout) as { Username?: string; Secret?: string };
        if (!v.Secret) return resolve(undefined);
        const source = `docker-credential-${helper}`;
        resolve(v.Username === '<token>'
          ? { identitytoken: v.Secret, serveraddress: server, source }
          : { username: v.Username, password: v.Secret, serveraddress: server, source });
      } catch {
        reject(new Error(`docker-credential-${helper} get did not answer JSON`));
      }
    });
    child.stdin?.end(server + '\n');
  });
}

function fromAuths(cfg: DockerConfig, registry: string): RegistryAuth | undefined {
  const key = Object.keys(cfg.auths ?? {}).find((k) => hostOf(k) === registry.toLowerCase());
  const a = key ? cfg.auths![key] : undefined;
  if (!a) return undefined;
  if (a.identitytoken) return { identitytoken: a.identitytoken, serveraddress: registry, source: 'auths' };
  if (a.auth) {
    const text = Buffer.from(a.auth, 'base64').toString('utf8');
    const i = text.indexOf(':');
    if (i > 0) return { username: text.slice(0, i), password: text.slice(i + 1), serveraddress: registry, source: 'auths' };
  }
  if (a.username && a.password) return { username: a.username, password: a.password, serveraddress: registry, source: 'auths' };
  return undefined;
}

/**
 * The credential the docker CLI would use for `registry` (host[:port]), or undefined. A helper that fails
 * (missing, crashing) rejects with a message naming the helper, never the secret.
 */
export async function findCredentials(registry: string, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): Promise<RegistryAuth | undefined> {
  const cfg = readConfig(env, home);
  const helperKey = Object.keys(cfg.credHelpers ?? {}).find((k) => hostOf(k) === registry.toLowerCase());
  if (helperKey) return fromHelper(cfg.credHelpers![helperKey], registry, env);
  if (cfg.credsStore) {
    const found = await fromHelper(cfg.credsStore, registry, env);
    if (found) return found;
  }
  return fromAuths(cfg, registry);
}

/** What the engine needs (no `source`): the X-Registry-Auth object. */
export function authConfigOf(a: RegistryAuth | undefined): Record<string, string> | undefined {
  if (!a) return undefined;
  const { source: _source, ...rest } = a;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}
