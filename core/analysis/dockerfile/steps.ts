// The steps of the start command as the MA206 / MA209 rules read them: where a step is, and what it runs.
import * as path from 'node:path';
import type { Loc, Step } from '../entry';

/** From the step's first word to its last. */
export const stepLoc = (s: Step): Loc => ({ ...s.words[0].loc, end: s.words[s.words.length - 1].loc.end });

/** The program a step runs, without its folder. */
export const progOf = (s: Step): string => path.posix.basename(s.words[0]?.value ?? '');
