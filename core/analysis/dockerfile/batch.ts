// What batch services need from the image: the canonical batch command, and the components a build installs.
import type { ProjectContext } from '../../context';
import { parseShell } from '../shell';
import { componentOf, type Component } from '../base';
import { kwOf, rawContentOf, type ImageModel } from '../image';

/** The canonical batch command: the seed's shell form, or the exec form the current documentation writes. */
export const batchCmd = (ctx: ProjectContext): string => (ctx.opts.profile === 'current' ? 'CMD ["sh", "/home/run.sh"]' : 'CMD /bin/sh /home/run.sh');

type Installed = Set<Component> & { opaque?: boolean };

const INSTALLERS = ['apt-get', 'apt', 'aptitude', 'apt-fast', 'yum', 'dnf', 'microdnf', 'tdnf', 'zypper', 'conda', 'mamba', 'micromamba'];

/** What an ENV, COPY/ADD or the text of a RUN brings in without a package install (JAVA_HOME, conda, a JDK archive). */
function fromText(kw: string, raw: string, got: Installed): void {
  if (kw === 'ENV' && /\bJAVA_HOME\b/.test(raw)) got.add('java');
  if (kw === 'ENV' && /conda|pyenv/i.test(raw)) got.add('python');
  if ((kw === 'COPY' || kw === 'ADD') && /jdk|jre|java|temurin/i.test(raw)) got.add('java');
  if (kw !== 'RUN') return;
  if (/(jdk|jre)[\w.-]*\.(tar\.gz|tgz|zip|rpm|deb)|sdkman|sdk install java/i.test(raw)) got.add('java');
  if (/miniconda|anaconda|micromamba|pyenv install/i.test(raw)) got.add('python');
}

/** One shell command of a RUN: the program it runs, and the packages it installs. */
function fromCommand(w: string[], got: Installed): void {
  const prog = (w[0] ?? '').replace(/^.*\//, '');
  if (/^python[\d.]*$|^pip[\d.]*$/.test(prog)) got.add('python');
  if (prog === 'java') got.add('java');
  if (prog === 'zip') got.add('zip');
  if (/\.sh$/.test(prog) || (/^(ba|da)?sh$/.test(prog) && /\.sh$/.test(w[1] ?? '')) || prog === 'xargs') got.opaque = true;
  const verb = INSTALLERS.includes(prog) ? 'install' : prog === 'apk' ? 'add' : undefined;
  const k = verb ? w.indexOf(verb) : -1;
  if (k < 0) return;
  for (const p of w.slice(k + 1)) {
    if (/[$`]/.test(p)) got.opaque = true;
    else if (!p.startsWith('-')) { const c = componentOf(p); if (c) got.add(c); }
  }
}

/** Components the build installs or brings in (package installs, conda, JAVA_HOME, downloads of a JDK).
 *  `opaque` when the build installs things we cannot read (package lists in variables, setup scripts). */
export function installed(m: ImageModel): Installed {
  const got: Installed = new Set<Component>();
  for (const ins of m.instrs) {
    const kw = kwOf(ins);
    fromText(kw, rawContentOf(ins), got);
    if (kw !== 'RUN') continue;
    for (const sc of parseShell(m.clean(ins).text)) fromCommand(sc.words.map((x) => x.value), got);
  }
  return got;
}
