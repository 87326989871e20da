import { nodeLabel, pathView, programPathView, type CodeNames, type HeapAnalysis, type LeakSuspect } from '@heapdiff/core';
import { stepToJson } from '../../json/path-step.js';
import type { SnapshotInfo } from '../../json/snapshot-info.js';
import type { SuspectsOutput } from './schema.js';

/** The suspect's name in the program's words, else its class. */
export function suspectName(analysis: HeapAnalysis, code: CodeNames, suspect: LeakSuspect): string {
  if (suspect.name) return suspect.name.text;
  const [step] = pathView(analysis, [{ ordinal: suspect.ordinal, edge: -1 }], { code });
  return nodeLabel(step!);
}

export function suspectsJson(analysis: HeapAnalysis, code: CodeNames, info: SnapshotInfo, minShare: number, suspects: LeakSuspect[]): SuspectsOutput {
  const g = analysis.graph;
  return {
    snapshot: info,
    minShare,
    suspects: suspects.map((s) => {
      const location = code.files.where(s.ordinal);
      return {
        holder: {
          nodeId: g.nodeId[s.ordinal]!,
          name: suspectName(analysis, code, s),
          where: s.name?.where ?? null,
          className: analysis.classes.names[analysis.classes.classOf[s.ordinal]!]!,
          ...(location ? { location } : {}),
          shape: s.shape,
        },
        retainedSize: s.retainedSize,
        share: s.share,
        objectCount: s.objectCount,
        classes: s.classes,
        moreClasses: s.moreClasses,
        paths: [pathView(analysis, s.path, { code }).map(stepToJson)],
        programPath: programPathView(analysis, code, s.path, s.name).map((step) => ({ nodeId: step.nodeId, label: nodeLabel(step), edge: step.edgeText ?? step.edge })),
      };
    }),
  };
}
