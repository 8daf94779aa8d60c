// In-file suppression. Filled in by the Dockerfile rules (comments `# modelarts-ignore MA2xx`).
import type { RawFinding } from '../core/types';
import type { ProjectContext } from './context';

export function isSuppressed(_f: RawFinding, _ctx: ProjectContext): boolean {
  return false;
}
