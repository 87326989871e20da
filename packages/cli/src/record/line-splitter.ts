/**
 * Cuts text arriving in chunks into lines. Each byte is looked at once, however the chunks fall
 * and however long a line runs: a partial line is kept as a list of pieces, joined only when its
 * newline comes. `maxLine` bounds what is kept of one line (the rest of it is dropped).
 */
export class LineSplitter {
  private pieces: string[] = [];
  private kept = 0;

  constructor(private readonly onLine: (line: string) => void, private readonly maxLine = Infinity) {}

  write(text: string): void {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      this.keep(text.slice(start, newline));
      this.emit();
      start = newline + 1;
    }
    if (start < text.length) this.keep(text.slice(start));
  }

  /** The last line, if it had no newline. */
  end(): void {
    if (this.pieces.length > 0) this.emit();
  }

  private keep(piece: string): void {
    const room = this.maxLine - this.kept;
    if (room <= 0 || piece.length === 0) return;
    const cut = piece.length > room ? piece.slice(0, room) : piece;
    this.pieces.push(cut);
    this.kept += cut.length;
  }

  private emit(): void {
    const line = this.pieces.join('');
    this.pieces = [];
    this.kept = 0;
    this.onLine(line);
  }
}
