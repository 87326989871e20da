import { BASE_SYSTEM_DISTANCE, CodeNames, formatCount, formatSize, inspectNode, isStringType, nodeLabel, safeText, type EdgeView, type NodeInspection } from '@heapdiff/core';
import { renderTable } from '../../output/table.js';
import type { InspectOutput } from './schema.js';
import { loadAnalysis, type LoadArgs } from '../../load/load-snapshot.js';
import { parseNodeId } from '../../args/options.js';

export interface InspectArgs extends LoadArgs {
  snapshot: string;
  id: string;
  limit: number;
  json: boolean;
}

export async function runInspect(args: InspectArgs): Promise<number> {
  const id = parseNodeId(args.id);
  const { analysis, info } = await loadAnalysis(args.snapshot, args);
  const node = inspectNode(analysis, id, { limit: args.limit, code: new CodeNames(analysis.graph, { cwd: process.cwd() }) });
  if (args.json) {
    const output: InspectOutput = {
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
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  }
  const out = [...describeNode(node), ''];
  out.push(...edgeTable('Edges', 'Target', node.edges, node.edgeCount));
  out.push('');
  out.push(...edgeTable('Retainers', 'Source', node.retainers, node.retainerCount));
  process.stdout.write(`${out.join('\n')}\n`);
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
    rows.push(['Dominator', `${safeText(d.className, 60)} @${d.nodeId}${d.name && d.name !== d.className ? `  ${JSON.stringify(safeText(d.name, 40))}` : ''}`]);
  }
  return [`${nodeText(node.name, node.type, node.className, 80, node.label)} @${node.nodeId}`, ...rows.map(([k, v]) => `  ${k.padEnd(14)} ${v}`)];
}

function edgeTable(title: string, otherEnd: string, edges: EdgeView[], total: number): string[] {
  const lines = [`${title} (${formatCount(total)})`];
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
    ),
  );
  if (edges.length < total) lines.push(`… ${formatCount(total - edges.length)} more (--limit 0 shows all)`);
  return lines;
}
