// The test registry of scripts/registry-up.sh (docker-registry with TLS and basic auth on 127.0.0.1), read from its
// state file. Under CI it must answer (the test fails otherwise); elsewhere its absence skips with the reason.
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';

export interface TestRegistry {
  address: string;
  user: string;
  password: string;
  ca: string;
}

const STATE = path.join(process.env.REGISTRY_STATE_DIR ?? path.resolve(__dirname, '../../.cache/registry'), 'state.json');

/** GET /v2/ status over TLS with the registry's CA (401: up and asking for the login). */
function v2Status(address: string, ca: string): Promise<number> {
  return new Promise((resolve) => {
    const req = https.get(`https://${address}/v2/`, { ca: fs.readFileSync(ca), timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

let cached: Promise<TestRegistry | undefined> | undefined;

export function registryOrSkip(): Promise<TestRegistry | undefined> {
  cached ??= (async () => {
    let reg: TestRegistry | undefined;
    try {
      reg = JSON.parse(fs.readFileSync(STATE, 'utf8')) as TestRegistry;
    } catch {
      reg = undefined;
    }
    const status = reg ? await v2Status(reg.address, reg.ca) : 0;
    if (reg && status === 401) return reg;
    const why = reg ? `the registry of ${STATE} (${reg.address}) does not answer (status ${status})` : `no ${STATE}`;
    if (process.env.CI) throw new Error(`push tests need the test registry: ${why}; run npm run registry:up`);
    process.stderr.write(`\n*** push tests SKIPPED: ${why}. Run npm run registry:up (as root) to run them. ***\n\n`);
    return undefined;
  })();
  return cached;
}

/** A docker CLI config dir whose `auths` hold `user:password` for the registry. */
export function dockerConfigDir(root: string, address: string, user: string, password: string): string {
  const dir = fs.mkdtempSync(path.join(root, 'docker-'));
  const auth = Buffer.from(`${user}:${password}`).toString('base64');
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { [address]: { auth } } }));
  return dir;
}
