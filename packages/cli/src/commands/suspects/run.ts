import { CodeNames, findSuspects, formatCount, formatPath, formatSize, plural, programPathView, safeText, visible } from '@heapdiff/core';
import pc from 'picocolors';
import { UsageError } from '../../errors.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { describeSnapshot } from '../../output/snapshot-header.js';
import { suspectName, suspectsJson } from './json.js';

export interface SuspectsArgs extends LoadArgs {
  snapshot: string;
  limit: number;
  minShare: string;
  json: boolean;
}

/** Classes listed per suspect in the table view. */
const CLASSES_SHOWN = 4;

/** `2%`, `0.02` → 0.02. */
function parseShare(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  const value = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(value > 0 && value <= 1)) throw new UsageError(`--min-share: expected a share of the heap like 2% or 0.02, got "${safeText(text, 40)}"`);
  return value;
}

export async function runSuspects(args: SuspectsArgs): Promise<number> {
  const minShare = parseShare(args.minShare);
  if (!Number.isInteger(args.limit) || args.limit < 0) throw new UsageError('--limit must be a whole number (0 = all)');
  const { analysis, info } = await loadAnalysis(args.snapshot, args);
  const code = new CodeNames(analysis.graph, { cwd: process.cwd() });
  const suspects = findSuspects(analysis, { code, minShare, limit: args.limit === 0 ? Number.MAX_SAFE_INTEGER : args.limit });
  if (args.json) {
    process.stdout.write(`${JSON.stringify(suspectsJson(analysis, code, info, minShare, suspects), null, 2)}\n`);
    return 0;
  }
  const out = [describeSnapshot(args.snapshot, info), ''];
  if (suspects.length === 0) {
    out.push(`No leak suspect: nothing the program holds retains ${Math.round(minShare * 1000) / 10}% of the heap or more in one place.`);
  } else {
    out.push(pc.bold(`${plural(suspects.length, 'leak suspect')}: where the heap accumulates (Eclipse MAT's "big drop"), largest share first`));
  }
  suspects.forEach((s, i) => {
    const name = visible(suspectName(analysis, code, s));
    const where = s.name ? pc.dim(`  (${s.name.kind === 'scope' ? 'reached from ' : ''}${safeText(s.name.where, 160)})`) : '';
    out.push('', `${pc.bold(`#${i + 1} ${name}`)}${where}  ${pc.red(`${(s.share * 100).toFixed(1)}% of the heap, ${formatSize(s.retainedSize)}`)}`);
    out.push(`   ${safeText(s.shape.kind, 60)} of ${formatCount(s.shape.entries)} ${s.shape.unit} @${analysis.graph.nodeId[s.ordinal]}`);
    const classes = s.classes.slice(0, CLASSES_SHOWN).map((c) => `${formatCount(c.count)} ${safeText(c.name, 100)} (${formatSize(c.retainedSize)})`);
    const more = s.classes.length - CLASSES_SHOWN + s.moreClasses;
    if (s.objectCount > 0) out.push(`   holds ${plural(s.objectCount, 'object')}: ${classes.join(', ')}${more > 0 ? `, ${plural(more, 'more class', 'more classes')}` : ''}`);
    out.push(...formatPath(programPathView(analysis, code, s.path, s.name), '   '));
  });
  if (suspects.length > 0) out.push('', pc.dim(`Next: heapdiff inspect ${safeText(args.snapshot, 200)} --id @${analysis.graph.nodeId[suspects[0]!.ordinal]}, or take two more snapshots and run heapdiff leaks to see what grows.`));
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
