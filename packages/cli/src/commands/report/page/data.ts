import type { DiffOutput } from '../../diff/schema.js';
import type { GrowthOutput } from '../../growth/schema.js';
import type { LeaksByClassOutput as LeaksOutput } from '../../leaks/schema.js';
import type { SummaryOutput } from '../../summary/schema.js';

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
  /** `leaks <before> <after> [<final>] --json`. */
  leaks: LeaksOutput;
  /** `growth <snapshots...> --json`. */
  growth: GrowthOutput;
}

/** Per leak group (same order as `data.leaks.groups`): what the page draws besides the numbers. */
export interface LeakDetail {
  /** Each retainer path as `heapdiff leaks` prints it, one line per step. */
  pathLines: string[][];
  /** The group's retainer paths merged into one Graphviz drawing. */
  dot: string;
  /** `dot` laid out as SVG (a standalone file, with its XML prolog). */
  svg: string;
}

export interface ReportContent {
  data: ReportData;
  leakDetails: LeakDetail[];
  /** Rows before --limit: how many each table left out. */
  totals: { summaryClasses: number[]; diffClasses: number; growingClasses: number };
}
