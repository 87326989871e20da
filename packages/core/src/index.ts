// @heapdiff/core: load V8 heap snapshots, analyse them as DevTools does, and ask them questions.
// Leak assertions for test suites are in `@heapdiff/core/leak-test`.

// Errors
export { HeapdiffError, HeapSnapshotError, FileReadError, NodeNotFoundError, InvalidOptionError } from './errors/errors.js';
export type { HeapdiffErrorCode, SnapshotWarning } from './errors/errors.js';

// The graph
export { HeapGraph } from './graph/heap-graph.js';
export type { Retainers, NodeTypeIds, EdgeTypeIds } from './graph/heap-graph.js';
export type { EdgeColumns, GraphData, LocationColumns, NodeColumns } from './graph/columns.js';
export { IdIndex } from './graph/id-index.js';

// Loading
export { loadSnapshot, loadGrowth } from './threads/load-snapshot.js';
export type { GrowthOptions, GrowthSeries, LoadOptions, LoadedSnapshot } from './threads/load-snapshot.js';
export { loadSnapshotIdsInBackground } from './threads/ids-in-background.js';
export { loadSnapshotBytes, loadSnapshotIds } from './load/snapshot.js';
export type { HeapSnapshot } from './load/snapshot.js';
export { snapshotPairWarning } from './load/snapshot-pair.js';
export type { PairSnapshot } from './load/snapshot-pair.js';

// The analysis
export { analyzeHeap } from './threads/analyze-heap.js';
export type { AnalyzeOptions } from './threads/analyze-heap.js';
export type { HeapAnalysis } from './analysis/analyze.js';
export type { ClassTable } from './naming/class-names.js';
export type { InterfaceDefinition } from './naming/interfaces.js';
export { BASE_SYSTEM_DISTANCE } from './algorithms/distances.js';

// Queries
export { computeSnapshotStats, computeSummary } from './queries/summary.js';
export type { ClassSummary, SnapshotSummary } from './queries/summary.js';
export type { SnapshotStats } from './queries/class-histogram.js';
export { computeDiff } from './queries/diff.js';
export type { ClassDiff, SnapshotDiff } from './queries/diff.js';
export { computeGrowth, countClasses } from './queries/growth.js';
export type { ClassGrowth, SnapshotClassCounts } from './queries/growth.js';
export { findLeaks } from './queries/leaks.js';
export { findLeakHolders, largestObjectId } from './queries/leak-holders.js';
export type { HolderClass, HolderGrowth, HolderKind, LeakHolder, LeakHolderOptions, LeakHolderReport, LeakVerdict } from './queries/leak-holders.js';
export type { HolderShape } from './queries/holder-kind.js';
export type { AnchorKind, ProgramName } from './queries/program-names.js';
export { CodeNames } from './naming/code-names.js';
export { findSuspects } from './queries/suspects.js';
export type { LeakSuspect, SuspectClass, SuspectOptions } from './queries/suspects.js';
export type { SourceFileOptions } from './naming/source-files.js';
export type { LeakGroup, LeakOptions, LeakPathCluster } from './queries/leaks.js';
export { findOrphans, rootCategory, WEAK_ONLY, UNREFERENCED } from './queries/orphans.js';
export type { OrphanCategory, OrphanGroup, OrphanOptions } from './queries/orphans.js';
export { inspectNode } from './queries/inspect.js';
export type { EdgeView, InspectOptions, NodeInspection, NodeRef } from './queries/inspect.js';
export { shortestRetainerPath, retainerPathOfId } from './queries/retainer-path.js';
export type { PathStep } from './queries/retainer-path.js';
export { extractSubgraph } from './queries/subgraph.js';
export type { Subgraph, SubgraphDirection, SubgraphEdge, SubgraphNode, SubgraphOptions, SubgraphSource } from './queries/subgraph.js';
export { ordinalsOfIds, sampleClassInstances } from './queries/subgraph-starts.js';
export type { ClassSampleSource } from './queries/subgraph-starts.js';

// Presentation: the one copy of labels, safe text and sizes that every output uses
export { edgeLabel, formatEdgeLabel } from './naming/edge-label.js';
export { nodeDisplayName } from './naming/node-name.js';
export { describeWhere, holderName, holderShapeText } from './present/holder-text.js';
export { classLabel, isStringType, nodeLabel, nodeValue, withoutEmptyContext } from './present/labels.js';
export type { LabelSource } from './present/labels.js';
export { formatPath, pathView } from './present/path-view.js';
export { repeatAt } from './present/repeats.js';
export type { Repeat } from './present/repeats.js';
export type { PathStepView, PathViewOptions } from './present/path-view.js';
export { programPathView } from './present/program-path.js';
export { escapeJsonText, safeText, truncate, visible } from './present/safe-text.js';
export { formatCount, formatSignedCount, formatSignedSize, formatSize, parseByteSize, plural } from './present/sizes.js';
