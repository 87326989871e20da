import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, hasChromium } from './chromium.js';
import { HeapProfiler, type ProtocolSession } from './heap-profiler.js';
import { RecordError } from './record-error.js';
import type { Recorder } from './recorder.js';

/**
 * Opens the page in a fresh headless Chromium (playwright-core gives every launch its own
 * profile) and takes the page's heap snapshots through a DevTools protocol session, as DevTools'
 * Memory panel does: these snapshots have DOM nodes, native objects and detachedness.
 */
export async function startBrowserPage(url: string, chromium: string, loadTimeoutMs: number): Promise<Recorder> {
  if (!hasChromium(chromium)) {
    throw new RecordError(`no Chromium at ${chromium}: install it (Debian: apt-get install chromium) or pass --chromium PATH`);
  }
  const { chromium: launcher } = await import('playwright-core');
  let browser: Browser;
  try {
    // Ctrl-C is record's to handle: it closes the browser itself and keeps what is complete.
    browser = await launcher.launch({ executablePath: chromium, args: CHROMIUM_ARGS, headless: true, handleSIGINT: false, handleSIGTERM: false });
  } catch (error) {
    throw new RecordError(`cannot start Chromium at ${chromium} (${firstLine(error)})`);
  }
  let profiler: HeapProfiler | null = null;
  const stop = async (): Promise<void> => {
    profiler?.abort();
    await browser.close().catch(() => {});
  };
  try {
    const page = await browser.newPage();
    const gone = new Promise<string>((resolve) => {
      page.once('crash', () => resolve('the page crashed'));
      page.once('close', () => resolve('the page was closed'));
      browser.once('disconnected', () => resolve('Chromium exited'));
    });
    page.on('pageerror', (error) => process.stderr.write(`page error: ${firstLine(error)}\n`));
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: loadTimeoutMs });
      if (response && !response.ok()) throw new Error(`HTTP ${response.status()}`);
    } catch (error) {
      throw new RecordError(`cannot load ${url} (${firstLine(error)})`);
    }
    const session = await page.context().newCDPSession(page);
    profiler = new HeapProfiler(session as unknown as ProtocolSession);
    const connected = profiler;
    return { gone, capture: (path) => connected.capture(path), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // playwright's messages carry a call log after the first line.
  return text.split('\n')[0]!.replace(/^page\.goto: /, '').replace(/ at \S+$/, '').trim();
}
