/**
 * The CLI package's directory. This module sits one level below it both when compiled (dist/)
 * and when bundled (bundle/), unlike the modules that need the package's files.
 */
export const packageRoot = new URL('../', import.meta.url);
