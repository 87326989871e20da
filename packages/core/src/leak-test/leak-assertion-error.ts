import { HeapdiffError } from '../errors/errors.js';
import type { ScenarioHolder, ScenarioLeakGroup } from './leak-report.js';

/** expectNoLeak: objects of these classes accumulated across the scenario's runs. */
export class LeakAssertionError extends HeapdiffError {
  /** Every group over the thresholds, largest retained size first; plain data. */
  readonly groups: ScenarioLeakGroup[];
  /** Where they gather, named as the program reaches them; those that grew in both halves first. */
  readonly holders: ScenarioHolder[];
  constructor(message: string, groups: ScenarioLeakGroup[], holders: ScenarioHolder[] = []) {
    super('E_LEAK_FOUND', message);
    this.groups = groups;
    this.holders = holders;
  }
}
