/** Stable machine-readable codes; tests and the CLI branch on these, never on message text. */
export type HeapdiffErrorCode =
  | 'E_SNAPSHOT_TRUNCATED'
  | 'E_SNAPSHOT_SYNTAX'
  | 'E_SNAPSHOT_HEADER'
  | 'E_SNAPSHOT_EDGE_TARGET'
  | 'E_SNAPSHOT_EDGE_COUNT'
  | 'E_SNAPSHOT_NODE_COUNT'
  | 'E_SNAPSHOT_COUNTS_ABSURD'
  | 'E_SNAPSHOT_TYPE'
  | 'E_SNAPSHOT_STRING_INDEX'
  | 'E_SNAPSHOT_NUMBER'
  | 'E_SNAPSHOT_DUPLICATE_ID'
  | 'E_SNAPSHOT_STRING_COUNT'
  | 'E_SNAPSHOT_TOO_LARGE'
  | 'E_SNAPSHOT_GZIP'
  | 'E_FILE_READ'
  | 'E_NODE_NOT_FOUND'
  | 'E_INVALID_OPTION'
  | 'E_LEAK_FOUND'
  | 'E_INSPECTOR_UNAVAILABLE';

export class HeapdiffError extends Error {
  readonly code: HeapdiffErrorCode;
  constructor(code: HeapdiffErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The input file is not a valid snapshot. `offset` is the byte position in the (decompressed) stream. */
export class HeapSnapshotError extends HeapdiffError {
  readonly file: string | undefined;
  readonly offset: number;
  constructor(code: HeapdiffErrorCode, message: string, offset: number, file?: string) {
    super(code, message);
    this.offset = offset;
    this.file = file;
  }
  /** Same error, attributed to a file once the caller knows which one it was. */
  withFile(file: string): HeapSnapshotError {
    return new HeapSnapshotError(this.code, this.message, this.offset, file);
  }
}

/**
 * Something odd about an input that was read anyway (bytes after the end of the snapshot).
 * Loaders report warnings through their `onWarning` option; only the CLI prints them.
 */
export interface SnapshotWarning {
  code: 'W_STRAY_BYTES';
  message: string;
  /** The input as its reader names it (`stdin` for `-`). */
  file: string;
  /** Byte position in the (decompressed) stream, as in HeapSnapshotError. */
  offset: number;
}

/** The snapshot could not be read at all (missing file, a directory, permissions). */
export class FileReadError extends HeapdiffError {
  readonly file: string;
  constructor(file: string, message: string) {
    super('E_FILE_READ', message);
    this.file = file;
  }
}

/** A requested object id is not in the snapshot. */
export class NodeNotFoundError extends HeapdiffError {
  readonly nodeId: number;
  constructor(nodeId: number) {
    super('E_NODE_NOT_FOUND', `no object with id @${nodeId} in the snapshot`);
    this.nodeId = nodeId;
  }
}

/** A caller passed an option that cannot work (bad regex, negative limit...). */
export class InvalidOptionError extends HeapdiffError {
  constructor(message: string) {
    super('E_INVALID_OPTION', message);
  }
}
