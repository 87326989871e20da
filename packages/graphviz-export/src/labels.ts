import { formatSize, nodeValue, truncate, withoutEmptyContext } from '@heapdiff/core';
import type { HeapEdgeAttributes, HeapNodeAttributes } from './attributes.js';

/** Value previews are cut to this many characters, like objgraph's short reprs. */
export const PREVIEW_LENGTH = 40;
/** Class names (`{a, b, c, …}` can be long) are cut to this many characters. */
export const TITLE_LENGTH = 60;
/** A function's or scope's name with its file:line:col, cut only when it is very long. */
export const LABEL_LENGTH = 160;
/** A folded chain's description (`… ×1,998 (.someMethod → {context} → ->originalThing)`). */
export const FOLDED_LENGTH = 120;

/** What a node's label says, as plain text lines (not yet escaped). */
export interface NodeLabel {
  /** `LeakyRequest` (or the root category's name, `(GC roots)`). */
  title: string;
  /** `@12345` */
  id: string;
  /** A short value: `"string contents…"`, `onTick()`, `(object elements)`; empty if nothing to add. */
  preview: string;
  /** `self 96 B, retained 1.2 kB` */
  sizes: string;
}

export function nodeLabel(n: HeapNodeAttributes): NodeLabel {
  if (n.folded !== undefined) return { title: truncate(n.folded, FOLDED_LENGTH), id: '', preview: '', sizes: '' };
  // A scope reads as what it is (`{closure scope of f() app/x.js:3:7}`), not `system / Context`.
  const title = n.gcRoot
    ? truncate(n.name, TITLE_LENGTH)
    : n.label && n.type !== 'closure' ? truncate(n.label, LABEL_LENGTH) : truncate(withoutEmptyContext(n.className), TITLE_LENGTH);
  const sizes = `self ${formatSize(n.selfSize)}${n.retainedSize === null ? '' : `, retained ${formatSize(n.retainedSize)}`}`;
  return { title, id: `@${n.id}`, preview: preview(n), sizes };
}

function preview(n: HeapNodeAttributes): string {
  return n.gcRoot ? '' : nodeValue(n, PREVIEW_LENGTH);
}

/** The label as one string (`Class @id`, preview, sizes on their own lines): what `--filter` and `--highlight` match. */
export function nodeLabelText(n: HeapNodeAttributes): string {
  const label = nodeLabel(n);
  if (n.folded !== undefined) return label.title;
  return [`${label.title} ${label.id}`, label.preview, label.sizes].filter(Boolean).join('\n');
}

const DIGITS = /^\d+$/;

/** `name`, `[3]`, `name (context var)`; `+N` when the edge stands for N more parallel references. */
export function edgeLabel(e: HeapEdgeAttributes): string {
  const name = truncate(e.name, PREVIEW_LENGTH);
  let label: string;
  if (e.type === 'element' || e.type === 'hidden' || DIGITS.test(e.name)) label = `[${name}]`;
  else if (e.type === 'context') label = `${name} (context var)`;
  else label = name;
  return e.count > 1 ? `${label} +${e.count - 1}` : label;
}
