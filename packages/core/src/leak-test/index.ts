// `@heapdiff/core/leak-test`: leak assertions for test suites. Separate from the main entry because
// it takes snapshots of the running process through node:inspector.
export { checkForLeaks, expectNoLeak } from './expect-no-leak.js';
export type { LeakCheckOptions, LeakCheckResult, Scenario } from './expect-no-leak.js';
export { LeakAssertionError } from './leak-assertion-error.js';
export type { LeakPathInfo, LeakPathStepInfo, ScenarioHolder, ScenarioLeakGroup } from './leak-report.js';
export { takeHeapSnapshot } from '../load/take-heap-snapshot.js';
