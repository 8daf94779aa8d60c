// Findings on a server's host or port (MA202, MA203) and their fixes: rewrite the literal that spells the value, or
// add the flags that set it when the server runs on its default. The rule gives the texts.
import type { Fix, Localized, RawFinding } from '../../types';
import type { ProjectContext } from '../../context';
import type { Listen } from '../servers';
import type { Loc } from '../entry';
import { anchor, find, fix, rangeOfLoc, where, type Facts } from './facts';

/** Adds the flags that set the host and/or port (`--host 0.0.0.0`, or `, "--host", "0.0.0.0"` in the exec form). */
function flagFix(ctx: ProjectContext, l: Listen, host: boolean, port: boolean, to: number, title: (flags: string) => Localized): Fix | undefined {
  const flags = l.flags?.(host, port, to);
  if (!flags?.length || !l.insertAfter) return undefined;
  const json = l.insertAfter.text[l.insertAfter.start] === '"';
  const text = json ? flags.map((x) => `, ${JSON.stringify(x)}`).join('') : ' ' + flags.join(' ');
  const at = rangeOfLoc(ctx, l.insertAfter).end;
  return fix(title(flags.join(' ')), [{ file: l.insertAfter.file, range: { start: at, end: at }, newText: text }], true);
}

/**
 * Rewrites the characters that spell a value (never its quotes or the expression around it), so `"127.0.0.1"`
 * becomes `"0.0.0.0"` and `5000` becomes the service port. No literal (a value from the environment): no fix.
 */
function litFix(ctx: ProjectContext, lit: Loc | undefined, value: string, title: Localized): Fix | undefined {
  return lit && fix(title, [{ file: lit.file, range: rangeOfLoc(ctx, lit), newText: value }], true);
}

/** The fix for a server's host (to 0.0.0.0) or port (to the service port): the literal rewritten when written, else the flags added. */
function listenFix(ctx: ProjectContext, l: Listen, what: 'host' | 'port', to: number, texts: ListenTexts): Fix | undefined {
  const host = what === 'host';
  if (!(host ? l.hostLoc : l.portLoc)) return flagFix(ctx, l, host, !host, to, texts.flagsFix);
  return litFix(ctx, host ? l.hostLit : l.portLit, host ? '0.0.0.0' : String(to), texts.fix);
}

interface ListenTexts { fix: Localized; flagsFix: (flags: string) => Localized; startedHere: Localized }

/**
 * On the Dockerfile where the value is set (or on the start command, related to the code that sets it), with its
 * fix (`to`: the service port the fix writes); `message` gets where the value is (`app.py:3`).
 */
export function listenFinding(ctx: ProjectContext, f: Facts, l: Listen, what: 'host' | 'port', to: number, code: string,
  message: (at: string) => Localized, texts: ListenTexts): RawFinding {
  const loc = (what === 'host' ? l.hostLoc : l.portLoc) ?? l.at;
  const a = anchor(ctx, f, loc, texts.startedHere);
  const fx = listenFix(ctx, l, what, to, texts);
  return find(ctx, code, a.range, message(where(ctx, loc)), { related: a.related, fixes: fx ? [fx] : undefined });
}
