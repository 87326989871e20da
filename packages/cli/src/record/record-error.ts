import { UsageError } from '../errors.js';

/** The recorded program or browser did not cooperate (exited early, no inspector): exit 2, one line. */
export class RecordError extends UsageError {}

/** Ctrl-C (or SIGTERM) during a recording. */
export class InterruptedError extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}
