// `heapdiff report` in a real headless Chromium: the page loads without console errors or CSP
// violations, its tables sort, markup from the heap (class names, property names, strings that
// would run script) shows as text and never runs, and its numbers are the CLI's `--json` output.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium } from './helpers/chromium.js';
import { makeSnapshot } from './helpers/snapshots.js';

const run = promisify(execFile);
const CLI = new URL('../packages/cli/bundle/heapdiff.js', import.meta.url).pathname;

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

let browser: Browser;
let dir: string;

async function openReport(path: string): Promise<LoadedPage> {
  const page = await browser.newPage();
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

/** The data-sort numbers of one column of a table, in row order. */
async function columnNumbers(page: Page, table: string, column: number): Promise<number[]> {
  return page.locator(`${table} tbody tr td:nth-child(${column + 1})`).evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-sort'))));
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

describe('heapdiff report on a heap full of markup (three snapshots)', () => {
  let report: string;
  let snapshots: string[];

  beforeAll(async () => {
    snapshots = await makeSnapshot('hostile-leak');
    report = join(dir, 'hostile.html');
    const { stdout } = await run(process.execPath, [CLI, 'report', ...snapshots, '-o', report]);
    expect(stdout).toContain('3 snapshots');
  });

  test('loads with no console errors, no CSP violations, no network, and no script from the heap runs', async () => {
    const { page, problems, dialogs } = await openReport(report);
    // The hashed sort script did run (the CSP lets it), so absence of the payloads' effects means something.
    await page.locator('#leaks table thead th', { hasText: 'Objects' }).getByRole('button').click();
    await expect.poll(() => page.locator('#leaks table thead th[aria-sort]').count()).toBe(1);
    expect(await page.evaluate('typeof window.__heapdiffPwned')).toBe('undefined');
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    // No markup from the heap became elements: two scripts (data island, sort), no images or handlers.
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img, iframe, object, embed, foreignObject, svg script, a[href^="javascript"]').count()).toBe(0);
    const handlers = await page.locator('*').evaluateAll((elements) =>
      elements.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)));
    expect(handlers).toEqual([]);
    await page.close();
  });

  test('markup from the heap shows as text: class names, property names, strings', async () => {
    const { page } = await openReport(report);
    const leaks = (await page.locator('#leaks').textContent())!;
    expect(leaks).toContain('<script>window.__heapdiffPwned=2;alert(2)</script>'); // a class name (toStringTag)
    expect(leaks).toContain('<svg onload="window.__heapdiffPwned=4;alert(4)">'); // a property name on the path
    expect(leaks).toContain('</script><script>window.__heapdiffPwned'); // a string value on the path
    // The retainer graphs are inline SVG whose labels carry the markup as text.
    const graphText = (await page.locator('#leaks figure svg').first().textContent())!;
    expect(graphText).toContain('window.__heapdiffPwned');
    expect(await page.locator('#leaks figure svg').count()).toBeGreaterThan(0);
    await page.close();
  });

  test('the embedded data equals the CLI --json output of summary, diff, leaks and growth', async () => {
    const { page } = await openReport(report);
    const data = JSON.parse((await page.locator('#heapdiff-data').textContent())!) as Record<string, unknown>;
    const [first, second, last] = snapshots as [string, string, string];
    const [summaries, diffJson, leaksJson, growthJson] = await Promise.all([
      Promise.all(snapshots.map((s) => cliJson('summary', s))),
      cliJson('diff', first, last),
      cliJson('leaks', '--by', 'class', first, second, last),
      cliJson('growth', first, second, last),
    ]);
    expect(data.summaries).toEqual(summaries);
    expect(data.diff).toEqual(diffJson);
    expect(data.leaks).toEqual(leaksJson);
    expect(data.growth).toEqual(growthJson);

    // The tables show those numbers.
    const leaks = data.leaks as { groups: { name: string; count: number; retainedSize: number }[] };
    expect(leaks.groups.length).toBeGreaterThan(0);
    expect(await columnNumbers(page, '#leaks table', 2)).toEqual(leaks.groups.map((g) => g.count));
    expect(await columnNumbers(page, '#leaks table', 4)).toEqual(leaks.groups.map((g) => g.retainedSize));
    const classCells = await page.locator('#leaks table tbody td:nth-child(2)').allTextContents();
    expect(classCells).toEqual(leaks.groups.map((g) => g.name));
    const diff = data.diff as { classes: { sizeDelta: number }[] };
    expect(await columnNumbers(page, '#diff table', 6)).toEqual(diff.classes.map((c) => c.sizeDelta));
    await page.close();
  });

  test('clicking a header sorts its table, numbers largest first, again to reverse; text A to Z', async () => {
    const { page } = await openReport(report);
    const table = '#summary details[open] table';
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

describe('heapdiff report with two snapshots', () => {
  test('numbers equal leaks and diff --json of the same pair; renders without problems', async () => {
    const [baseline, target] = await makeSnapshot('leak-three');
    const report = join(dir, 'two.html');
    await run(process.execPath, [CLI, 'report', baseline!, target!, '-o', report, '--limit', '5', '--paths', '1']);
    const html = await readFile(report, 'utf8');
    const island = /<script type="application\/json" id="heapdiff-data">([^<]*)<\/script>/.exec(html);
    const data = JSON.parse(island![1]!) as Record<string, unknown>;
    expect(data.leaks).toEqual(await cliJson('leaks', '--by', 'class', baseline!, target!, '--limit', '5', '--paths', '1'));
    expect(data.diff).toEqual(await cliJson('diff', baseline!, target!, '--limit', '5'));
    expect(data.growth).toEqual(await cliJson('growth', baseline!, target!, '--limit', '5'));
    const { page, problems, dialogs } = await openReport(report);
    expect(await page.locator('#leaks article').count()).toBe((data.leaks as { groups: unknown[] }).groups.length);
    expect([...problems, ...dialogs, ...(await cspViolations(page))]).toEqual([]);
    await page.close();
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
