import type { DiffOutput } from '../../diff/schema.js';
import type { GrowthOutput } from '../../growth/schema.js';
import type { LeaksByHolderOutput } from '../../leaks/schema.js';
import type { SummaryOutput } from '../../summary/schema.js';

/** One memory sample of a recording: milliseconds since it started, and bytes. */
export interface MemorySample {
  t: number;
  heapUsed: number;
  heapTotal: number;
  /** Node.js programs only (a page in Chromium has its JavaScript heap alone). */
  external?: number;
  arrayBuffers?: number;
  rss?: number;
}

/** Memory over time while `heapdiff record` ran the program, with the moments it took each snapshot. */
export interface MemorySeries {
  samples: MemorySample[];
  snapshots: { t: number; file: string }[];
}

/**
 * What a report shows, as the CLI's own `--json` documents (same --limit): the page embeds it
 * as `<script type="application/json" id="heapdiff-data">`, so its numbers can be checked
 * against `heapdiff summary/diff/leaks/growth --json` and reused by scripts.
 */
export interface ReportData {
  /** `summary <snapshot> --json` for each snapshot, in argument order. */
  summaries: SummaryOutput[];
  /** `diff <first> <last> --json`. */
  diff: DiffOutput;
  /** `leaks <snapshots...> --json`: one entry per holder. */
  leaks: LeaksByHolderOutput;
  /** `growth <snapshots...> --json`. */
  growth: GrowthOutput;
  /** The memory series `record` wrote beside the snapshots; absent when they did not come from `record`. */
  memory?: MemorySeries;
}

/** A Graphviz drawing: its DOT and its SVG (a standalone file, with its XML prolog). */
export interface Drawing {
  title: string;
  dot: string;
  svg: string;
}

/** Per leak entry (same order as `data.leaks.leaks`): what the page shows besides the numbers. */
export interface HolderDetail {
  /** The path from the program's code to the holder and one member, as `heapdiff leaks` prints it. */
  programPath: string[];
  /** The whole path from a GC root, as DevTools has it (`leaks --full-path`). */
  fullPath: string[];
  /** The entry's paths in one drawing, only when they branch. */
  drawing: Drawing | null;
}

export interface ReportContent {
  data: ReportData;
  holders: HolderDetail[];
  /** The leaks' paths from the program's code in one drawing, when they branch; else null. */
  overview: Drawing | null;
  /** Rows before --limit: how many each table left out. */
  totals: { summaryClasses: number[]; diffClasses: number; growingClasses: number };
}
