import { formatCount, formatSize } from '@heapdiff/core';
import type { HeapAnalysis, LeakGroup, PathStep } from '@heapdiff/core';
import { dotToSvg, graphToDot } from '@heapdiff/graphviz-export';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { assertNotInput } from '../output/atomic-write.js';
import { writeFileSet } from './file-set.js';
import { retainerPathsGraph } from './path-graph.js';

/** The two files written for one leak group. */
export interface LeakGraphFiles {
  dot: string;
  svg: string;
}

/**
 * `01-LeakyRequest`: the group's rank, then its class name reduced to letters, digits, `_` and
 * `-`. Class names come from the snapshot (any string a program chose), so nothing of them can
 * reach the file system unfiltered: no separators, no dots, no control or non-ASCII characters.
 */
export function leakGraphBaseName(rank: number, groupCount: number, className: string): string {
  const width = Math.max(2, String(groupCount).length);
  const name = className.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/_{2,}/g, '_').replace(/^_+|_+$/g, '').slice(0, 60);
  return `${String(rank).padStart(width, '0')}-${name || 'group'}`;
}

/** `--out-dir DIR` is checked before the snapshots are loaded: an existing DIR must be a directory. */
export function checkGraphDir(dir: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    return; // created once there is something to write
  }
  if (!isDirectory) throw new UsageError(`--out-dir ${dir}: not a directory`);
}

/** One drawing: a leak entry's retainer paths, its title, and the name its files are given. */
export interface LeakDrawing {
  /** The entry's name (a class, a holder's name): part of the file names, filtered. */
  name: string;
  title: string;
  paths: PathStep[][];
}

/** A class group of `leaks --by class` as a drawing. */
export function classGroupDrawing(group: LeakGroup, rank: number): LeakDrawing {
  const sampled = group.sampled < group.count ? `, paths of ${formatCount(group.sampled)} sampled` : '';
  return {
    name: group.name,
    title: `#${rank} ${group.name}: ${formatCount(group.count)} objects, retained ${formatSize(group.retainedSize)}${sampled}`,
    paths: group.clusters.map((c) => c.path),
  };
}

/**
 * One drawing per leak entry, its retainer paths merged into one graph, as DOT and SVG in `dir`.
 * Everything is laid out before the first file is written, and the set is written whole or not
 * at all (file-set.ts), never over an input snapshot.
 */
export async function writeLeakGraphs(dir: string, analysis: HeapAnalysis, drawings: readonly LeakDrawing[], inputs: readonly string[]): Promise<LeakGraphFiles[]> {
  const rendered = await Promise.all(drawings.map(async (drawing, i) => {
    const base = leakGraphBaseName(i + 1, drawings.length, drawing.name);
    const files: LeakGraphFiles = { dot: join(dir, `${base}.dot`), svg: join(dir, `${base}.svg`) };
    assertNotInput(files.dot, inputs);
    assertNotInput(files.svg, inputs);
    const graph = retainerPathsGraph(analysis, drawing.paths);
    const dot = graphToDot(graph, { title: drawing.title });
    return { files, base, dot, svg: await dotToSvg(dot) };
  }));
  if (rendered.length === 0) return [];
  await writeFileSet('--out-dir', dir, rendered.flatMap(({ base, dot, svg }) => [{ name: `${base}.dot`, data: dot }, { name: `${base}.svg`, data: svg }]));
  return rendered.map((r) => r.files);
}
