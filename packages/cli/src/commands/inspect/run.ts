import { BASE_SYSTEM_DISTANCE, classLabel, CodeNames, formatCount, formatSize, inspectNode, isStringType, nodeLabel, safeText, type EdgeView, type NodeInspection } from '@heapdiff/core';
import { readObjectIds } from '../../args/object-ids.js';
import type { Colors } from '../../output/colors.js';
import { renderTable } from '../../output/table.js';
import type { InspectOutput } from './schema.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { inspectOptions } from './options.js';

export interface InspectArgs extends LoadArgs {
  snapshot: string;
  object?: string | number;
  id?: string | number | (string | number)[];
  [option: string]: unknown;
}

interface EdgeRow extends EdgeView {
  direction: 'edge' | 'retainer';
}

export async function runInspect(args: InspectArgs): Promise<number> {
  const [id] = readObjectIds(args.object, args.id, 'inspect', { max: 1 }) as [number];
  const opts = inspectOptions.read(args, [args.snapshot]);
  const { analysis, info } = await loadAnalysis(args.snapshot, opts.load);
  const node = inspectNode(analysis, id, { limit: opts.limit, code: new CodeNames(analysis.graph, { cwd: process.cwd() }) });
  const json = (): InspectOutput => {
    return {
      snapshot: info,
      node: {
        nodeId: node.nodeId, type: node.type, name: node.name, className: node.className, ...(node.location ? { location: node.location } : {}), selfSize: node.selfSize,
        retainedSize: node.retainedSize, distance: node.distance,
        dominator: node.dominator && { nodeId: node.dominator.nodeId, name: node.dominator.name, className: node.dominator.className },
      },
      edgeCount: node.edgeCount,
      edges: node.edges.map(edgeJson),
      retainerCount: node.retainerCount,
      retainers: node.retainers.map(edgeJson),
    };
  };
  const rows: EdgeRow[] = [
    ...node.edges.map((e) => ({ ...e, direction: 'edge' as const })),
    ...node.retainers.map((e) => ({ ...e, direction: 'retainer' as const })),
  ];
  await opts.emit({
    json,
    csv: () => ({
      columns: [
        { key: 'direction', csv: (e: EdgeRow) => e.direction },
        { key: 'edge', csv: (e) => e.name },
        { key: 'edgeType', csv: (e) => e.type },
        { key: 'label', csv: (e) => e.label },
        { key: 'nodeId', csv: (e) => e.nodeId },
        { key: 'name', csv: (e) => e.nodeName },
        { key: 'type', csv: (e) => e.nodeType },
        { key: 'className', csv: (e) => e.className },
        { key: 'retainedSize', csv: (e) => e.retainedSize },
        { key: 'location', csv: (e) => e.nodeLocation },
      ],
      rows,
    }),
    text: () => {
      const edges = edgeTable('Edges', 'Target', node.edges, node.edgeCount, opts.colors, opts.quiet);
      const retainers = edgeTable('Retainers', 'Source', node.retainers, node.retainerCount, opts.colors, opts.quiet);
      return [...describeNode(node), '', ...edges, '', ...retainers];
    },
  });
  return 0;
}

function edgeJson(e: EdgeView): InspectOutput['edges'][number] {
  return {
    edge: e.name, edgeType: e.type, label: e.label, nodeId: e.nodeId, name: e.nodeName, type: e.nodeType, className: e.className,
    ...(e.nodeLocation ? { location: e.nodeLocation } : {}), retainedSize: e.retainedSize,
  };
}

function nodeText(name: string, type: string, className: string, max: number, label: string | null = null): string {
  return nodeLabel({ name, type, className, label }, max);
}

function describeDistance(distance: number | null): string {
  if (distance === null) return 'none: only weak references reach it';
  if (distance >= BASE_SYSTEM_DISTANCE) return `${formatCount(distance - BASE_SYSTEM_DISTANCE)} from the root, not reachable from the global object (system)`;
  return formatCount(distance);
}

function describeNode(node: NodeInspection): string[] {
  const rows: [string, string][] = [
    ['Type', node.type],
    ['Name', isStringType(node.type) ? `"${safeText(node.name, 100)}"` : safeText(node.name, 100)],
    ['Class', safeText(node.className, 100)],
    ['Self size', formatSize(node.selfSize)],
    ['Retained size', formatSize(node.retainedSize)],
    ['Distance', describeDistance(node.distance)],
  ];
  if (node.dominator) {
    const d = node.dominator;
    rows.push(['Dominator', `${classLabel(d.className, 60)} @${d.nodeId}${d.name && d.name !== d.className ? `  ${JSON.stringify(safeText(d.name, 40))}` : ''}`]);
  }
  return [`${nodeText(node.name, node.type, node.className, 80, node.label)} @${node.nodeId}`, ...rows.map(([k, v]) => `  ${k.padEnd(14)} ${v}`)];
}

function edgeTable(title: string, otherEnd: string, edges: EdgeView[], total: number, colors: Colors, quiet: boolean): string[] {
  const lines = [colors.bold(`${title} (${formatCount(total)})`)];
  if (total === 0) return [...lines, '  none'];
  lines.push(
    renderTable(
      [
        { header: 'Edge', value: (e: EdgeView) => safeText(e.label, 50) },
        { header: 'Type', value: (e) => e.type },
        { header: otherEnd, value: (e) => `${nodeText(e.nodeName, e.nodeType, e.className, 50, e.nodeLabel)} @${e.nodeId}` },
        { header: 'Class', value: (e) => safeText(e.className, 40) },
        { header: 'Retained size', align: 'right', value: (e) => formatSize(e.retainedSize) },
      ],
      edges,
      colors,
    ),
  );
  if (edges.length < total && !quiet) lines.push(colors.dim(`… ${formatCount(total - edges.length)} more (--limit 0 shows all)`));
  return lines;
}
