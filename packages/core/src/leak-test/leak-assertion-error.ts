import { HeapdiffError } from '../errors/errors.js';
import type { ScenarioLeakGroup } from './leak-report.js';

/** expectNoLeak: objects of these classes accumulated across the scenario's runs. */
export class LeakAssertionError extends HeapdiffError {
  /** Every group over the thresholds, largest retained size first; plain data. */
  readonly groups: ScenarioLeakGroup[];
  constructor(message: string, groups: ScenarioLeakGroup[]) {
    super('E_LEAK_FOUND', message);
    this.groups = groups;
  }
}
