// A config.json url that no route of the image's code serves (MA301, MA302): judged only when the route analysis
// reads the code with confidence. The rules word the finding; this says what the code serves instead.
import type { Localized, Related } from '../types';
import type { ProjectContext } from '../context';
import { routesIn, serves, pathMatches, type Route } from './routes';
import { facts, rangeOfLoc, argsRange, type Facts } from './dockerfile/facts';

interface Unserved {
  /** Some route serves the path, for other methods (a 405), rather than none (a 404). */
  samePath: boolean;
  /** The routes to show: those of the same path, else every route found. */
  routes: Route[];
  /** The frameworks read, for messages: `Flask, FastAPI`. */
  frameworks: string;
  f: Facts;
}

export function unserved(ctx: ProjectContext, url: string, method: string | undefined): Unserved | undefined {
  const f = facts(ctx);
  if (!f || !ctx.config) return undefined;
  const set = routesIn(f.bc);
  if (!set.confident || !set.routes.length) return undefined;
  if (set.routes.some((r) => serves(r, url, method))) return undefined;
  const samePath = set.routes.filter((r) => r.any || pathMatches(r, url));
  return { samePath: samePath.length > 0, routes: samePath.length ? samePath : set.routes, frameworks: set.frameworks.join(', '), f };
}

const MAX_RELATED = 3;

/** The first routes found (`routeFound` words each), then the instruction that starts the server. */
export function unservedRelated(ctx: ProjectContext, u: Unserved, routeFound: (r: Route) => Localized, startsHere: Localized): Related[] {
  const related: Related[] = u.routes.slice(0, MAX_RELATED).map((r) => ({
    file: r.file, range: rangeOfLoc(ctx, { file: r.file, text: r.text, start: r.start, end: r.end }), message: routeFound(r),
  }));
  if (u.f.start.anchor) related.push({ file: u.f.file, range: argsRange(u.f.start.anchor), message: startsHere });
  return related;
}
