import type { Browser } from 'playwright-core';
import { chromiumLaunchOptions, hasChromium, NO_SANDBOX_ENV } from './chromium.js';
import { HeapProfiler, type ProtocolSession } from './heap-profiler.js';
import { PageMemory } from './page-memory.js';
import { RecordError } from './record-error.js';
import type { Recorder } from './recorder.js';

export interface PageOptions {
  chromium: string;
  loadTimeoutMs: number;
  sampleEveryMs: number;
}

/**
 * Opens the page in a fresh headless Chromium (playwright-core gives every launch its own
 * profile) and takes the page's heap snapshots through a DevTools protocol session, as DevTools'
 * Memory panel does: these snapshots have DOM nodes, native objects and detachedness. playwright
 * talks to Chromium over a pipe (`--remote-debugging-pipe`), not a port.
 */
export async function startBrowserPage(url: string, options: PageOptions): Promise<Recorder> {
  const { chromium, loadTimeoutMs } = options;
  if (!hasChromium(chromium)) {
    throw new RecordError(`no Chromium at ${chromium}: install it (Debian: apt-get install chromium) or pass --chromium PATH`);
  }
  const { chromium: launcher } = await import('playwright-core');
  let browser: Browser;
  try {
    const launch = chromiumLaunchOptions({ uid: process.getuid?.(), env: process.env });
    // Ctrl-C is record's to handle: it closes the browser itself and keeps what is complete.
    browser = await launcher.launch({ executablePath: chromium, ...launch, headless: true, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  } catch (error) {
    const hint = /sandbox/i.test(String(error)) ? `; where Chromium's sandbox cannot work, ${NO_SANDBOX_ENV}=1 runs it without` : '';
    throw new RecordError(`cannot start Chromium at ${chromium} (${firstLine(error)})${hint}`);
  }
  let profiler: HeapProfiler | null = null;
  let memory: PageMemory | null = null;
  let capturing = false;
  const stop = async (): Promise<void> => {
    memory?.stop();
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
    const session = (await page.context().newCDPSession(page)) as unknown as ProtocolSession;
    profiler = new HeapProfiler(session);
    memory = new PageMemory(session, options.sampleEveryMs, () => capturing);
    const connected = profiler;
    const sampler = memory;
    const capture: Recorder['capture'] = async (path) => {
      await sampler.sample();
      capturing = true;
      try {
        return await connected.capture(path);
      } finally {
        capturing = false;
        await sampler.sample();
      }
    };
    return { gone, capture, onSample: (listener) => sampler.onSample(listener), onSignal: () => {}, stop };
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
