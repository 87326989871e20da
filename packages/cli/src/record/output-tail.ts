import { LineSplitter } from './line-splitter.js';

const MAX_LINE = 500;

/**
 * The last `lines` lines of a process's output, for a report: memory stays bounded (each line
 * cut at 500 characters) however much it prints, and every byte is looked at once.
 */
export class OutputTail {
  private readonly ring: string[] = [];
  private readonly splitter: LineSplitter;

  constructor(private readonly lines: number) {
    this.splitter = new LineSplitter((line) => {
      this.ring.push(line.replace(/\r$/, ''));
      if (this.ring.length > this.lines) this.ring.shift();
    }, MAX_LINE);
  }

  write(text: string): void {
    this.splitter.write(text);
  }

  /** The kept lines, the unterminated last one included. */
  end(): string[] {
    this.splitter.end();
    return [...this.ring];
  }
}
