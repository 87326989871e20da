// `heapdiff report` in a real headless Chromium at 1280×800: the verdict (the headline naming the
// holders, how fast they grow) is on the first screen, every other section is closed and the
// demo's page is at most three screens tall; the page loads without console errors, CSP
// violations or network requests; markup from the heap shows as text and never runs; its numbers
// are the CLI's `--json` output; any number of snapshots; the memory chart of a recording.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectReport } from '../packages/cli/dist/commands/report/collect.js';
import type { MemorySeries } from '../packages/cli/dist/commands/report/page/data.js';
import { renderReportHtml } from '../packages/cli/dist/commands/report/page/html.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium } from './helpers/chromium.js';
import { makeSnapshot } from './helpers/snapshots.js';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;
const VIEWPORT = { width: 1280, height: 800 };

async function cliJson(...args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [CLI, ...args, '--json'], { maxBuffer: 64 << 20 });
  return JSON.parse(stdout);
}

interface LoadedPage {
  page: Page;
  /** Console errors and warnings, uncaught exceptions, CSP violations, dialogs: all must stay empty. */
  problems: string[];
  dialogs: string[];
}

interface HolderEntry {
  holder: { name: string; where: string | null };
  verdict: string;
  members: { name: string }[];
  growth: { entries: number[] } | null;
}
interface ReportJson {
  summaries: unknown[];
  diff: { classes: { name: string; countDelta: number; sizeDelta: number }[] };
  leaks: { leaks: HolderEntry[] };
  growth: { snapshots: unknown[]; classes: { name: string; counts: number[] }[] };
  memory?: unknown;
}

let browser: Browser;
let dir: string;

async function openReport(path: string): Promise<LoadedPage> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
  });
  // Injected by the debugger protocol, so the page's own CSP does not block this listener.
  // (Page code is passed as text: the test project compiles without the DOM library.)
  await page.addInitScript(`window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`);
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  return { page, problems, dialogs };
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.__csp');
}

async function expectClean({ page, problems, dialogs }: LoadedPage): Promise<void> {
  expect([...problems, ...dialogs, ...(await cspViolations(page))]).toEqual([]);
}

/** The data-sort numbers of one column of a table, in row order. */
async function columnNumbers(page: Page, table: string, column: number): Promise<number[]> {
  return page.locator(`${table} tbody tr td:nth-child(${column + 1})`).evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-sort'))));
}

function island(html: string): ReportJson {
  const match = /<script type="application\/json" id="heapdiff-data">([^<]*)<\/script>/.exec(html);
  return JSON.parse(match![1]!) as ReportJson;
}

async function pageData(page: Page): Promise<ReportJson> {
  return JSON.parse((await page.locator('#heapdiff-data').textContent())!) as ReportJson;
}

/** The sections: the verdict open, every other one closed. */
async function sectionStates(page: Page): Promise<Record<string, boolean>> {
  return page.locator('details.section').evaluateAll((sections) =>
    Object.fromEntries(sections.map((s) => [s.id, s.hasAttribute('open')])));
}

/** Where the highest point of a growth panel's line is, as a share of the panel's height from its top. */
async function panelPeaks(page: Page): Promise<{ name: string; peak: number; rise: number }[]> {
  return page.locator('#growth figure.panel').evaluateAll((panels) => panels.map((panel) => {
    const svg = panel.querySelector('svg')!;
    const height = Number(svg.getAttribute('height'));
    const ys = svg.querySelector('polyline')!.getAttribute('points')!.split(' ').map((p: string) => Number(p.split(',')[1]));
    return { name: panel.querySelector('.name')!.textContent!, peak: Math.min(...ys) / height, rise: (Math.max(...ys) - Math.min(...ys)) / height };
  }));
}

beforeAll(async () => {
  if (!hasChromium()) throw new Error(`no Chromium at ${CHROMIUM_PATH} (the test setup installs Debian's chromium as root; or set HEAPDIFF_CHROMIUM)`);
  dir = await mkdtemp(join(tmpdir(), 'heapdiff-report-'));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the demo\'s report at 1280×800', () => {
  let report: string;

  beforeAll(async () => {
    const cwd = join(dir, 'demo');
    await mkdir(cwd);
    await run(process.execPath, [CLI, 'demo'], { cwd, maxBuffer: 16 << 20, timeout: 120_000 });
    report = join(cwd, 'heapdiff-demo', 'demo-report.html');
  });

  test('the first screen names both leaks, where they live and how fast they grow; the page is under three screens', async () => {
    const loaded = await openReport(report);
    const { page } = loaded;
    const headline = page.locator('#verdict .headline');
    expect(await headline.textContent()).toMatch(
      /^2 leaks: responseCache \(module heapdiff-demo\/leaky-service\.cjs\) \+2,000 entries per interval; bus\._events\.config \(module heapdiff-demo\/leaky-service\.cjs\) \+200 elements per interval$/,
    );
    // On the first screen, without scrolling: the headline and every row of the holder table.
    const rows = page.locator('#verdict table tbody tr');
    expect(await rows.count()).toBe(2);
    for (const box of [await headline.boundingBox(), await rows.last().boundingBox()]) {
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
    }
    expect(await page.evaluate('scrollY')).toBe(0);
    // The table says where in the code (the listener's file:line) and the verdict.
    const second = (await rows.nth(1).textContent())!;
    expect(second).toMatch(/\(anonymous\)\(\) heapdiff-demo\/leaky-service\.cjs:\d+:\d+/);
    expect(second).toContain('leak: grows in every interval');
    // Every other section is closed, and the whole page is at most three screens tall.
    const states = await sectionStates(page);
    expect(states).toEqual({ verdict: true, holders: false, growth: false, diff: false, summary: false, snapshots: false });
    expect(await page.locator('details[open]').count()).toBe(1);
    expect(await page.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThanOrEqual(3 * VIEWPORT.height);
    await expectClean(loaded);
    await page.close();
  });

  test('straight paths are text; the one drawing is where the two leaks\' paths branch', async () => {
    const { page } = await openReport(report);
    await page.locator('#holders > summary').click();
    const pre = await page.locator('#holders article pre').first().textContent();
    expect(pre).toMatch(/^module heapdiff-demo\/leaky-service\.cjs @\d+\n {2}responseCache → Map @\d+\n {4}\.get\(…\) → CachedResponse @\d+$/);
    // No holder's own path is drawn (each is one straight path); the overview of both is.
    expect(await page.locator('#holders article figure').count()).toBe(0);
    const overview = page.locator('#holders > .section-body > figure svg');
    expect(await overview.count()).toBe(1);
    const text = (await overview.textContent())!;
    expect(text).toContain('responseCache');
    expect(text).toContain('CachedResponse');
    // A link in the verdict table opens the closed section at its holder.
    await page.locator('#holders > summary').click();
    await page.locator('#verdict table a[href="#holder-2"]').click();
    await expect.poll(() => page.evaluate('document.querySelector("#holders").open')).toBe(true);
    expect(await page.locator('#holder-2 h3').textContent()).toContain('bus._events.config');
    await page.close();
  });

  test('growth: one chart per class on its own axis, the small classes held by a leak first and as visible as the large ones', async () => {
    const { page } = await openReport(report);
    await page.locator('#growth > summary').click();
    const data = await pageData(page);
    const held = new Set(data.leaks.leaks.flatMap((e) => e.members.map((m) => m.name)));
    const peaks = await panelPeaks(page);
    expect(peaks.length).toBe(Math.min(12, data.growth.classes.length));
    const firstUnheld = peaks.findIndex((p) => !held.has(p.name));
    expect(firstUnheld).toBeGreaterThan(0);
    expect(peaks.slice(firstUnheld).every((p) => !held.has(p.name))).toBe(true);
    // The 400 sessions the listeners hold, next to 28,000 new strings: each line climbs through
    // most of its own panel and peaks near its top (the axis fits the data).
    for (const name of ['Session', 'CachedResponse']) {
      const panel = peaks.find((p) => p.name === name);
      expect(panel, name).toBeDefined();
      expect(panel!.rise, name).toBeGreaterThan(0.4);
      expect(panel!.peak, name).toBeLessThan(0.3);
    }
    await page.close();
  });

  test('the comparison hides the classes with no net change until asked', async () => {
    const { page } = await openReport(report);
    await page.locator('#diff > summary').click();
    const data = await pageData(page);
    const changed = data.diff.classes.filter((c) => c.countDelta !== 0 || c.sizeDelta !== 0);
    const same = data.diff.classes.filter((c) => c.countDelta === 0 && c.sizeDelta === 0);
    expect(same.length).toBeGreaterThan(0);
    const main = page.locator('#diff > .section-body > .table-wrap table');
    expect(await main.locator('tbody td:nth-child(1)').allTextContents()).toEqual(changed.map((c) => c.name));
    const hidden = page.locator('#diff details.unchanged');
    expect(await hidden.getAttribute('open')).toBeNull();
    expect(await hidden.locator('table').isVisible()).toBe(false);
    await hidden.locator('summary').click();
    expect(await hidden.locator('tbody td:nth-child(1)').allTextContents()).toEqual(same.map((c) => c.name));
    await page.close();
  });
});

describe('heapdiff report on a heap full of markup (three snapshots)', () => {
  let report: string;
  let snapshots: string[];

  beforeAll(async () => {
    snapshots = await makeSnapshot('hostile-leak');
    report = join(dir, 'hostile.html');
    const { stdout } = await run(process.execPath, [CLI, 'report', ...snapshots, '-o', report]);
    expect(stdout).toContain('3 snapshots, 1 leak');
  });

  test('loads with no console errors, no CSP violations, no network, and no script from the heap runs', async () => {
    const loaded = await openReport(report);
    const { page } = loaded;
    // Open everything, and sort a table: the hashed script runs (the CSP lets it), so the
    // absence of the payloads' effects means something.
    await page.evaluate('document.querySelectorAll("details").forEach((d) => { d.open = true; })');
    await page.locator('#summary details table thead th', { hasText: 'Count' }).first().getByRole('button').click();
    await expect.poll(() => page.locator('#summary table thead th[aria-sort]').count()).toBe(1);
    expect(await page.evaluate('typeof window.__heapdiffPwned')).toBe('undefined');
    await expectClean(loaded);
    // No markup from the heap became elements: two scripts (data island, sort), no images or handlers.
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img, iframe, object, embed, foreignObject, svg script, a[href^="javascript"]').count()).toBe(0);
    const handlers = await page.locator('*').evaluateAll((elements) =>
      elements.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)));
    expect(handlers).toEqual([]);
    await page.close();
  });

  test('markup from the heap shows as text: the holder\'s name, class names, property names on its path', async () => {
    const { page } = await openReport(report);
    const headline = (await page.locator('#verdict .headline').textContent())!;
    expect(headline).toContain('globalThis."\'><svg onload="window.__heapdiffPwned=4;alert(4)">'); // property names
    const verdict = (await page.locator('#verdict').textContent())!;
    expect(verdict).toContain('<script>window.__heapdiffPwned=2;alert(2)</script>'); // a class name (toStringTag)
    const path = (await page.locator('#holders article pre').first().textContent())!;
    expect(path).toContain('["<img src=x onerror=');
    await page.close();
  });

  test('the embedded data equals the CLI --json output of summary, diff, leaks and growth', async () => {
    const { page } = await openReport(report);
    const data = await pageData(page);
    const [first, , last] = snapshots as [string, string, string];
    const [summaries, diffJson, leaksJson, growthJson] = await Promise.all([
      Promise.all(snapshots.map((s) => cliJson('summary', s))),
      cliJson('diff', first, last),
      cliJson('leaks', ...snapshots),
      cliJson('growth', ...snapshots),
    ]);
    expect(data.summaries).toEqual(summaries);
    expect(data.diff).toEqual(diffJson);
    expect(data.leaks).toEqual(leaksJson);
    expect(data.growth).toEqual(growthJson);
    expect(data.memory).toBeUndefined();

    // The verdict table shows those holders.
    const names = await page.locator('#verdict table tbody td:nth-child(2) b').allTextContents();
    expect(names).toEqual(data.leaks.leaks.map((e) => e.holder.name));
    await page.close();
  });

  test('clicking a header sorts its table, numbers largest first, again to reverse; text A to Z', async () => {
    const { page } = await openReport(report);
    const table = '#summary-3 table';
    await page.locator('#summary > summary').click();
    await page.locator('#summary-3 > summary').click();
    const header = (name: string) => page.locator(`${table} thead th`, { hasText: name }).getByRole('button');
    const before = await columnNumbers(page, table, 1);
    expect(before.length).toBeGreaterThan(2);
    await header('Count').click();
    const descending = [...before].sort((a, b) => b - a);
    expect(await columnNumbers(page, table, 1)).toEqual(descending);
    await expect.poll(() => page.locator(`${table} thead th[aria-sort="descending"]`).textContent()).toContain('Count');
    await header('Count').click();
    expect(await columnNumbers(page, table, 1)).toEqual([...descending].reverse());
    await header('Class').click();
    const names = await page.locator(`${table} tbody td:nth-child(1)`).allTextContents();
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    expect(names).toEqual([...names].sort(collator.compare));
    await page.close();
  });
});

describe('heapdiff report with four snapshots', () => {
  test('growth over all four, leaks judged over the three intervals, numbers equal the commands\' --json', async () => {
    const snapshots = await makeSnapshot('leak-four');
    expect(snapshots).toHaveLength(4);
    const report = join(dir, 'four.html');
    const { stdout } = await run(process.execPath, [CLI, 'report', ...snapshots, '-o', report]);
    expect(stdout).toMatch(/: 4 snapshots, 2 leaks \(cache, auditTrail\)\n$/);
    const data = island(await readFile(report, 'utf8'));
    const [leaksJson, growthJson, diffJson] = await Promise.all([
      cliJson('leaks', ...snapshots), cliJson('growth', ...snapshots), cliJson('diff', snapshots[0]!, snapshots[3]!),
    ]);
    expect(data.leaks).toEqual(leaksJson);
    expect(data.growth).toEqual(growthJson);
    expect(data.diff).toEqual(diffJson);
    expect(data.summaries).toHaveLength(4);
    expect(data.leaks.leaks.map((e) => [e.holder.name, e.verdict, e.growth?.entries])).toEqual([
      ['cache', 'leak', [500, 1000, 1500, 2000]],
      ['auditTrail', 'leak', [4, 8, 12, 16]],
      ['registry', 'not growing', [100, 200, 300, 300]],
    ]);

    const loaded = await openReport(report);
    const { page } = loaded;
    expect(await page.locator('#verdict .headline').textContent()).toMatch(/^2 leaks: cache \(module .*leak-four\.cjs\) \+500 entries per interval; auditTrail \(module .*leak-four\.cjs\) \+4 elements per interval$/);
    const rows = page.locator('#verdict table tbody tr');
    expect(await rows.nth(2).textContent()).toContain('not growing');
    expect((await rows.last().boundingBox())!.y + (await rows.last().boundingBox())!.height).toBeLessThanOrEqual(VIEWPORT.height);
    // A chart per class with four points; the audit trail's 4 → 16 fills its panel.
    await page.locator('#growth > summary').click();
    const peaks = await panelPeaks(page);
    const audit = peaks.find((p) => p.name === 'AuditRecord');
    expect(audit).toBeDefined();
    expect(audit!.rise).toBeGreaterThan(0.4);
    expect(await page.locator('#growth figure.panel').first().locator('circle').count()).toBe(4);
    expect(await page.locator('#growth table thead th').allTextContents()).toEqual(expect.arrayContaining(['Count #1', 'Count #4']));
    await expectClean(loaded);
    await page.close();
  });

  test('one snapshot is a usage error (exit 2, one line)', async () => {
    const [first] = await makeSnapshot('leak-four');
    const failed = await run(process.execPath, [CLI, 'report', first!, '-o', join(dir, 'one.html')]).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toMatch(/^heapdiff: report needs at least two snapshots.*\n$/);
  });
});

describe('heapdiff report with no leak', () => {
  test('a bounded cache at steady state: the headline says "No leak" plainly', async () => {
    const snapshots = await makeSnapshot('bounded-cache');
    const report = join(dir, 'bounded.html');
    const { stdout } = await run(process.execPath, [CLI, 'report', ...snapshots, '-o', report]);
    expect(stdout).toMatch(/: 3 snapshots, no leak\n$/);
    const loaded = await openReport(report);
    const { page } = loaded;
    expect(await page.locator('#verdict .headline').textContent()).toBe('No leak');
    expect(await page.locator('#verdict').getAttribute('class')).toContain('clean');
    expect((await page.locator('#verdict .lead').textContent())!).toMatch(/^No object allocated between \S+ and \S+ is still alive in \S+\.$|none of their holders keeps growing/);
    await expectClean(loaded);
    await page.close();
  });
});

describe('heapdiff report with two snapshots', () => {
  test('numbers equal leaks and diff --json of the same pair; renders without problems', async () => {
    const [baseline, target] = await makeSnapshot('leak-three');
    const report = join(dir, 'two.html');
    await run(process.execPath, [CLI, 'report', baseline!, target!, '-o', report, '--limit', '5']);
    const data = island(await readFile(report, 'utf8'));
    expect(data.leaks).toEqual(await cliJson('leaks', baseline!, target!, '--limit', '5'));
    expect(data.diff).toEqual(await cliJson('diff', baseline!, target!, '--limit', '5'));
    expect(data.growth).toEqual(await cliJson('growth', baseline!, target!, '--limit', '5'));
    const loaded = await openReport(report);
    expect(await loaded.page.locator('#verdict table tbody tr').count()).toBe(data.leaks.leaks.length);
    expect(await loaded.page.locator('#holders article').count()).toBe(data.leaks.leaks.length);
    await expectClean(loaded);
    await loaded.page.close();
  });

  test('refuses to write over an input snapshot and to write a non-HTML file (exit 2, one line)', async () => {
    const [baseline, target] = await makeSnapshot('leak-three');
    const disguised = join(dir, 'snapshot.html');
    await copyFile(target!, disguised);
    const overwrite = await run(process.execPath, [CLI, 'report', baseline!, disguised, '-o', disguised]).catch((e: { code: number; stderr: string }) => e);
    expect(overwrite).toMatchObject({ code: 2 });
    expect((overwrite as { stderr: string }).stderr).toMatch(/^heapdiff: refusing to overwrite the input snapshot .*\n$/);
    expect((await readFile(disguised)).equals(await readFile(target!)), 'the input is untouched').toBe(true);
    const notHtml = await run(process.execPath, [CLI, 'report', baseline!, target!, '-o', join(dir, 'report.json')]).catch((e: { code: number; stderr: string }) => e);
    expect(notHtml).toMatchObject({ code: 2 });
    expect((notHtml as { stderr: string }).stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('the memory chart of a recording', () => {
  test('drawn from a memory series (synthetic here) with a marker per snapshot, in a page that stays clean', async () => {
    const snapshots = await makeSnapshot('leak-three');
    const content = await collectReport({ snapshots, limit: 5, thresholds: { bytes: 1e6, count: 1000 } });
    const samples = Array.from({ length: 120 }, (_, i) => ({
      t: i * 100, heapUsed: 4e6 + i * 30_000, heapTotal: 8e6 + i * 40_000, external: 1e6, arrayBuffers: 1e5, rss: 4e7 + i * 60_000,
    }));
    const memory: MemorySeries = {
      samples,
      // A file the report does not show keeps its name, as text.
      snapshots: snapshots.map((file, i) => ({ t: 100 + i * 5_000, file: i === 2 ? '<i>evil.heapsnapshot' : file })),
    };
    content.data.memory = memory;
    const report = join(dir, 'memory.html');
    await writeFile(report, renderReportHtml(content));
    const loaded = await openReport(report);
    const { page } = loaded;
    const states = await sectionStates(page);
    expect(Object.keys(states)).toContain('memory');
    expect(states.memory).toBe(false);
    expect(await page.locator('#memory .gist').textContent()).toMatch(/^JS heap used 4 MB → 7\.\d MB over 11\.9 s, 3 snapshots marked$/);
    await page.locator('#memory > summary').click();
    expect(await page.locator('#memory polyline.memory-line').count()).toBe(5);
    expect(await page.locator('#memory g.snapshot-mark text').allTextContents()).toEqual(['#1', '#2', '<i>evil.heapsnapshot']);
    expect(await page.locator('#memory i').count()).toBe(0);
    expect((await pageData(page)).memory).toEqual(memory);
    await expectClean(loaded);
    await page.close();
  });
});
