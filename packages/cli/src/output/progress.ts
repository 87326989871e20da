import cliProgress from 'cli-progress';

export interface Progress {
  /** Returns a callback for one phase (`parsing before.heapsnapshot`), with its own bar. */
  phase(label: string, total: number): (done: number, total?: number) => void;
  stop(): void;
}

const silent: Progress = { phase: () => () => {}, stop: () => {} };

/** A progress bar on stderr, only when a person is watching (a TTY) and JSON is not requested. */
export function createProgress(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return silent;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{label} [{bar}] {percentage}% | {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    phase(label, total) {
      if (started) bar.stop();
      bar.start(Math.max(1, total), 0, { label });
      started = true;
      return (done, newTotal) => {
        if (newTotal !== undefined) bar.setTotal(Math.max(1, newTotal));
        bar.update(done);
      };
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
