// What a base image name implies: which batch components (python, java, zip) it ships and its package manager.
// Only well-known public images are judged; anything else (a private registry, an unknown org) is "unknown"
// and the batch component rule stays silent.

export type Component = 'python' | 'java' | 'zip';
export type PkgManager = 'apt' | 'yum' | 'dnf' | 'apk';

interface BaseInfo { has: Component[]; pm: PkgManager }

function split(image: string): { repo: string; tag: string; host: boolean } {
  let s = image.replace(/@sha256:[0-9a-f]+$/, '');
  const slash = s.indexOf('/');
  const first = slash > 0 ? s.slice(0, slash) : '';
  const host = /[.:]/.test(first) || first === 'localhost';
  if (host && /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/.test(first)) { s = s.slice(slash + 1); }
  const colon = s.lastIndexOf(':');
  const repo = (colon > s.lastIndexOf('/') ? s.slice(0, colon) : s).replace(/^library\//, '');
  const tag = colon > s.lastIndexOf('/') ? s.slice(colon + 1) : 'latest';
  return { repo, tag, host: host && !/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/.test(first) };
}

/** undefined: unknown image (say nothing). */
export function baseInfo(image: string | undefined): BaseInfo | undefined {
  if (!image || image.includes('$')) return undefined;
  const { repo, tag, host } = split(image.toLowerCase());
  if (host || repo === 'scratch') return undefined;
  const alpine = /alpine/.test(tag);
  const deb = (has: Component[]): BaseInfo => ({ has, pm: alpine ? 'apk' : 'apt' });
  switch (repo) {
    case 'python': case 'pypy': return deb(['python']);
    case 'openjdk': case 'eclipse-temurin': case 'ibm-semeru-runtimes': case 'sapmachine': return deb(['java']);
    case 'maven': case 'gradle': return deb(['java']);
    case 'amazoncorretto': return { has: ['java'], pm: alpine ? 'apk' : 'yum' };
    case 'ubuntu': case 'debian': case 'buildpack-deps': case 'nvidia/cuda': return deb([]);
    case 'alpine': return { has: [], pm: 'apk' };
    case 'pytorch/pytorch': case 'tensorflow/tensorflow': case 'continuumio/miniconda3': case 'continuumio/anaconda3': return deb(['python']);
    case 'node': return /slim|alpine/.test(tag) ? deb([]) : deb(['python']);
    case 'centos': return /^(7|centos7)/.test(tag) ? { has: ['python'], pm: 'yum' } : undefined;
    case 'amazonlinux': return /^2($|\.)/.test(tag) ? { has: ['python'], pm: 'yum' } : undefined;
    case 'rockylinux': case 'almalinux': case 'rockylinux/rockylinux': return { has: [], pm: 'dnf' };
    case 'fedora': return { has: ['python'], pm: 'dnf' };
    case 'oraclelinux': return { has: [], pm: /^[89]/.test(tag) ? 'dnf' : 'yum' };
  }
  return undefined;
}

/** Package names that provide a component, per package manager (what the quick fix installs). */
export const PACKAGES: Record<PkgManager, Record<Component, string>> = {
  apt: { python: 'python3', java: 'default-jre-headless', zip: 'zip' },
  yum: { python: 'python3', java: 'java-11-openjdk-headless', zip: 'zip' },
  dnf: { python: 'python3', java: 'java-17-openjdk-headless', zip: 'zip' },
  apk: { python: 'python3', java: 'openjdk17-jre-headless', zip: 'zip' },
};

export function installLine(pm: PkgManager, pkgs: string[]): string {
  const p = pkgs.join(' ');
  switch (pm) {
    case 'apt': return `RUN apt-get update && apt-get install -y --no-install-recommends ${p} && rm -rf /var/lib/apt/lists/*`;
    case 'yum': return `RUN yum install -y ${p} && yum clean all`;
    case 'dnf': return `RUN dnf install -y ${p} && dnf clean all`;
    case 'apk': return `RUN apk add --no-cache ${p}`;
  }
}

/** Component a package (or conda spec) provides, if any. */
export function componentOf(pkg: string): Component | undefined {
  const p = pkg.toLowerCase().replace(/[=<>].*$/, '');
  if (/^(python|pypy)/.test(p)) return 'python';
  if (/(jdk|jre|openjdk|temurin|corretto|^java-)/.test(p)) return 'java';
  if (p === 'zip') return 'zip';
  return undefined;
}
