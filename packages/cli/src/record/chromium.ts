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
const CHROMIUM_ARGS = [
  '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Set to 1 to run Chromium without its sandbox where the sandbox cannot work (some containers). */
export const NO_SANDBOX_ENV = 'HEAPDIFF_CHROMIUM_NO_SANDBOX';

export interface SandboxContext {
  /** The user heapdiff runs as (`process.getuid()`); undefined where there are no uids. */
  uid: number | undefined;
  env: NodeJS.ProcessEnv;
}

/**
 * Chromium's sandbox stays on unless it cannot work: Chromium refuses to start as root with it,
 * and some containers lack what it needs (the user opts out with HEAPDIFF_CHROMIUM_NO_SANDBOX=1).
 */
export function needsNoSandbox({ uid, env }: SandboxContext): boolean {
  return uid === 0 || env[NO_SANDBOX_ENV] === '1';
}

/**
 * playwright's launch options: the argument list, and `chromiumSandbox`, without which
 * playwright itself adds `--no-sandbox`.
 */
export function chromiumLaunchOptions(context: SandboxContext): { args: string[]; chromiumSandbox: boolean } {
  const noSandbox = needsNoSandbox(context);
  return { args: noSandbox ? [...CHROMIUM_ARGS, '--no-sandbox'] : [...CHROMIUM_ARGS], chromiumSandbox: !noSandbox };
}

export function hasChromium(path: string): boolean {
  return existsSync(path);
}
