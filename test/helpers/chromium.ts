// Debian's Chromium, launched the way this closed network needs: without the
// background-networking flags it keeps dialling Google's hosts and fails.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.HEAPDIFF_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}
