import { existsSync } from 'node:fs';

/** Debian's Chromium by default; `--chromium PATH` or HEAPDIFF_CHROMIUM pick another build. */
export function chromiumPath(option?: string): string {
  return option ?? process.env.HEAPDIFF_CHROMIUM ?? '/usr/bin/chromium';
}

/**
 * Headless, and quiet on the network: without the background-networking flags Chromium keeps
 * calling Google's services, which hangs or fails on closed networks and CI machines. The same
 * list as test/helpers/chromium.ts (this package cannot import test helpers).
 */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function hasChromium(path: string): boolean {
  return existsSync(path);
}
