// Debian's Chromium, launched the way this closed network needs: without the
// background-networking flags it keeps dialling Google's hosts and fails.
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';

export const CHROMIUM_PATH = process.env.HEAPDIFF_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Serves one HTML file at `/<its name>` on 127.0.0.1 for a test's page; `url` is its address. */
export async function servePage(file: string): Promise<{ url: string; close(): Promise<void> }> {
  const name = `/${basename(file)}`;
  const server = createServer((req, res) => {
    if (req.url !== name) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${name}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
