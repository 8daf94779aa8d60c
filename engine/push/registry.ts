// The registry's HTTP API (distribution v2), as far as a push needs it: read a manifest back with its media type and
// digest, list tags, put a manifest. Over TLS, trusting the CA the engine trusts for that registry
// (/etc/docker/certs.d/<host:port>/ca.crt) besides the system's; basic auth or the token flow (SWR, Docker Hub).
// A credential goes in an Authorization header only; no error message quotes a header.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { RegistryAuth } from './credentials';
import type { Target } from './target';

export const MEDIA = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
} as const;
const ACCEPT = [MEDIA.dockerManifest, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.ociIndex].join(', ');

class RegistryError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'RegistryError';
  }
}

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** The CA the engine trusts for `registry` (its certs.d), added to Node's own roots. */
function caFor(registry: string, certsDir = '/etc/docker/certs.d'): string[] | undefined {
  const file = `${certsDir}/${registry}/ca.crt`;
  return fs.existsSync(file) ? [...tls.rootCertificates, fs.readFileSync(file, 'utf8')] : undefined;
}

function send(url: string, init: { method: string; headers: Record<string, string>; body?: Buffer; ca?: string[]; signal?: AbortSignal }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: init.method, headers: init.headers, ca: init.ca, timeout: 30_000, signal: init.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${new URL(url).host} within 30 s`)));
    req.on('error', (e) => reject(new RegistryError(`${new URL(url).host}: ${(e as Error).message}`)));
    req.end(init.body);
  });
}

const basic = (a: RegistryAuth) => 'Basic ' + Buffer.from(`${a.username ?? ''}:${a.password ?? ''}`).toString('base64');

/** The token flow: `WWW-Authenticate: Bearer realm=…,service=…` → GET realm?service&scope with basic auth. */
async function bearer(challenge: string, scope: string, auth: RegistryAuth | undefined, ca: string[] | undefined): Promise<string> {
  const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  if (!params.realm) throw new RegistryError('the registry asked for a token without a realm', 401);
  const u = new URL(params.realm);
  if (params.service) u.searchParams.set('service', params.service);
  u.searchParams.set('scope', scope);
  const headers: Record<string, string> = auth?.username ? { Authorization: basic(auth) } : {};
  const r = await send(u.toString(), { method: 'GET', headers, ca });
  if (r.status !== 200) throw new RegistryError(`the registry's token service answered ${r.status}`, r.status);
  const v = JSON.parse(r.body.toString('utf8')) as { token?: string; access_token?: string };
  return `Bearer ${v.token ?? v.access_token ?? ''}`;
}

/** One API call with the auth the registry asks for (a 401 challenge answered once). */
async function call(t: Pick<Target, 'registry' | 'repository'>, apiPath: string, init: { method: string; headers?: Record<string, string>; body?: Buffer },
  auth: RegistryAuth | undefined, action: 'pull' | 'pull,push'): Promise<Answer> {
  const ca = caFor(t.registry);
  const url = `https://${t.registry}/v2/${apiPath}`;
  const first = await send(url, { ...init, headers: init.headers ?? {}, ca });
  if (first.status !== 401) return first;
  const challenge = String(first.headers['www-authenticate'] ?? '');
  const authorization = /^bearer/i.test(challenge)
    ? await bearer(challenge, `repository:${t.repository}:${action}`, auth, ca)
    : auth?.username ? basic(auth) : undefined;
  if (!authorization) return first;
  return send(url, { ...init, headers: { ...init.headers, Authorization: authorization }, ca });
}

export interface ManifestRead {
  mediaType: string;
  /** Docker-Content-Digest, else the sha256 of the bytes read. */
  digest: string;
  json: {
    mediaType?: string;
    config?: { digest?: string };
    manifests?: { digest: string; mediaType?: string; platform?: { os?: string; architecture?: string } }[];
  };
  body: Buffer;
}

/** GET /v2/<repo>/manifests/<ref>, accepting Docker v2 schema 2, manifest lists, OCI manifests and OCI indexes. */
export async function readManifest(t: Target, auth: RegistryAuth | undefined, ref = t.tag): Promise<ManifestRead> {
  const r = await call(t, `${t.repository}/manifests/${ref}`, { method: 'GET', headers: { Accept: ACCEPT } }, auth, 'pull');
  if (r.status !== 200) throw new RegistryError(`GET manifest ${t.repository}:${ref} answered ${r.status}`, r.status);
  const json = JSON.parse(r.body.toString('utf8')) as ManifestRead['json'];
  const mediaType = String(r.headers['content-type'] ?? json.mediaType ?? '').split(';')[0].trim();
  const digest = String(r.headers['docker-content-digest'] ?? '') || 'sha256:' + crypto.createHash('sha256').update(r.body).digest('hex');
  return { mediaType, digest, json, body: r.body };
}

/** The repository's tags; [] when the repository does not exist (nothing was ever tagged in it). */
export async function listTags(t: Target, auth: RegistryAuth | undefined): Promise<string[]> {
  const r = await call(t, `${t.repository}/tags/list`, { method: 'GET' }, auth, 'pull');
  if (r.status === 404) return [];
  if (r.status !== 200) throw new RegistryError(`GET tags of ${t.repository} answered ${r.status}`, r.status);
  return (JSON.parse(r.body.toString('utf8')) as { tags?: string[] | null }).tags ?? [];
}

/** PUT /v2/<repo>/manifests/<ref>: the registry's digest of what it stored. */
export async function putManifest(t: Target, ref: string, mediaType: string, body: Buffer, auth: RegistryAuth | undefined): Promise<string> {
  const r = await call(t, `${t.repository}/manifests/${ref}`, { method: 'PUT', headers: { 'Content-Type': mediaType }, body }, auth, 'pull,push');
  if (r.status !== 201) throw new RegistryError(`PUT manifest ${t.repository}:${ref} answered ${r.status}: ${r.body.toString('utf8').slice(0, 300)}`, r.status);
  return String(r.headers['docker-content-digest'] ?? '');
}

/**
 * Whether anything accepts a TCP connection on the registry's address (443 when it names no port): undefined when it
 * does, else why not. A dial, not an API call: a registry that answers badly is the engine's to retry.
 */
export function registryListens(registry: string, timeoutMs = 3000): Promise<string | undefined> {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(registry);
  const [host, port] = [m?.[1] ?? registry, Number(m?.[2] ?? 443)];
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: timeoutMs });
    const end = (why?: string) => {
      s.destroy();
      resolve(why);
    };
    s.on('connect', () => end());
    s.on('timeout', () => end(`dial tcp ${host}:${port}: i/o timeout after ${timeoutMs / 1000} s`));
    s.on('error', (e: NodeJS.ErrnoException) => end(`dial tcp ${host}:${port}: ${e.code === 'ECONNREFUSED' ? 'connection refused' : e.message}`));
  });
}
