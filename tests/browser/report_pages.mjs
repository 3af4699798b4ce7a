// The HTML reports in a real browser: makes the saml-verify page of every fixture, the
// saml-decode and saml-lint page of every fixture folder, loads each in one headless
// Chromium session and asserts what a user sees. Usage (ctest runs it, see browser.cmake):
//   node report_pages.mjs --tools DIR --fixtures DIR --out DIR --node-modules DIR --chromium PATH
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const options = {};
for (let i = 2; i + 1 < process.argv.length; i += 2) options[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const name of ['tools', 'fixtures', 'out', 'node-modules', 'chromium']) {
  if (!options[name]) throw new Error(`missing --${name}`);
}
const puppeteer = createRequire(path.resolve(options['node-modules'], 'index.js'))('puppeteer-core');

const NOW = '2024-05-01T12:01:00Z';
const fixtures = options.fixtures;
const out = options.out;
const TYPICAL_PAGE_LIMIT = 100 * 1024;
// Every key a fixture is signed with, so that each signature can verify (fixtures/*/README.md).
const trust = ['keys/idp-rsa.crt', 'keys/idp-ec.crt', 'lint/keys/expired-rsa.crt', 'lint/keys/expiring-rsa.crt',
  'lint/keys/short-rsa.crt', 'metadata/keys/rsa-768.crt'].flatMap((k) => ['--cert', path.join(fixtures, k)]);
const decryption = ['keys/sp-rsa.key', 'keys/sp-rsa-next.key'].flatMap((k) => ['--decrypt-key', path.join(fixtures, k)]);
const common = [...trust, ...decryption, '--allow-rsa15', '--now', NOW];

const failures = [];
function check(condition, what) {
  if (!condition) failures.push(what);
}

// Every fixture: each file of fixtures/<folder>/ except the keys, READMEs and scripts.
function fixtureFolders() {
  const folders = new Map();
  for (const folder of fs.readdirSync(fixtures, { withFileTypes: true })) {
    if (!folder.isDirectory() || folder.name === 'keys') continue;
    const files = fs.readdirSync(path.join(fixtures, folder.name), { withFileTypes: true })
      .filter((f) => f.isFile() && f.name !== 'README.md')
      .map((f) => path.join(fixtures, folder.name, f.name)).sort();
    if (files.length) folders.set(folder.name, files);
  }
  return folders;
}

function run(tool, args) {
  return new Promise((resolve) => {
    execFile(path.join(options.tools, tool), args, { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

// Runs the jobs two at a time (CI has two cores).
async function pool(jobs, width = 2) {
  const results = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  }));
  return results;
}

async function makePages(folders) {
  const pages = { verify: [], decode: [], lint: [] };
  const jobs = [];
  for (const [folder, files] of folders) {
    for (const dir of ['verify', 'decode', 'lint']) fs.mkdirSync(path.join(out, dir, folder), { recursive: true });
    for (const file of files) {
      const html = path.join(out, 'verify', folder, path.basename(file) + '.html');
      jobs.push(async () => {
        const r = await run('saml-verify', [...common, '--format', 'html', '--output', html, file]);
        pages.verify.push({ file, html, code: r.code });
      });
    }
    const decodeHtml = path.join(out, 'decode', folder + '.html');
    jobs.push(async () => {
      const r = await run('saml-decode', [...common, '--format', 'html', '--output', decodeHtml, ...files]);
      pages.decode.push({ folder, html: decodeHtml, code: r.code });
    });
    const lintHtml = path.join(out, 'lint', folder + '.html');
    jobs.push(async () => {
      const r = await run('saml-lint', [...common, '-j', '1', '--format', 'html', '--output', lintHtml, ...files]);
      const json = await run('saml-lint', [...common, '-j', '1', '--format', 'json', ...files]);
      pages.lint.push({ folder, html: lintHtml, code: r.code, json: JSON.parse(json.stdout) });
    });
  }
  const injection = path.join(fixtures, 'html', 'script-injection.xml');
  const redacted = path.join(out, 'decode', 'script-injection-redacted.html');
  jobs.push(async () => {
    const r = await run('saml-decode', [...common, '--redact', '--format', 'html', '--output', redacted, injection]);
    pages.redacted = { html: redacted, code: r.code };
  });
  await pool(jobs);
  return pages;
}

// What a user sees on a page, read in the page.
function readPage() {
  const text = (e) => (e ? e.textContent.trim() : '');
  const sections = [...document.querySelectorAll('section.message')].map((s) => ({
    id: s.id,
    heading: text(s.querySelector('h2')).replace(/^Message \d+: /, ''),
    verdict: text(s.querySelector('.verdict')),
    findingsShown: s.querySelectorAll('li.finding').length,
    findingsCount: Number(text(s.querySelector('.findings .count')) || 0),
    ruleLinksResolve: [...s.querySelectorAll('a.rule')].every((a) => document.getElementById(a.hash.slice(1))),
    markers: [...s.querySelectorAll('svg.timeline g.marker')].map((g) => ({
      time: g.getAttribute('data-time'),
      cx: Number(g.querySelector('circle').getAttribute('cx')),
      cy: Number(g.querySelector('circle').getAttribute('cy')),
      label: text(g.querySelector('text')),
      kind: g.getAttribute('class'),
    })),
    treeItems: s.querySelectorAll('.signature-map ul.tree li').length,
    marks: [...s.querySelectorAll('.signature-map ul.tree li')].map((li) => {
      const own = li.querySelector(':scope > details > summary') || li;
      const mark = [...own.children].find((c) => /^m-/.test(c.className));
      return { name: text(own.querySelector('code')), mark: text(mark) };
    }),
  }));
  return {
    title: document.title,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content || '',
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg').length,
    timelines: document.querySelectorAll('svg.timeline').length,
    injected: window.samlkitInjected,
    bodyText: document.body.innerText,
    sections,
    summaryRows: document.querySelectorAll('#summary-by-input tbody tr').length,
    summaryLinksResolve: [...document.querySelectorAll('#summary a[href^="#msg-"]')]
      .every((a) => document.getElementById(a.hash.slice(1))),
  };
}

async function load(page, html, log) {
  log.url = pathToFileURL(html).href;
  log.requests = [];
  log.errors = [];
  await page.goto(log.url, { waitUntil: 'load' });
  const seen = await page.evaluate(readPage);
  const where = path.relative(out, html);
  check(log.requests.length === 0, `${where}: requests left the page: ${log.requests.join(', ')}`);
  check(log.errors.length === 0, `${where}: console errors: ${log.errors.join(' | ')}`);
  check(/default-src 'none'/.test(seen.csp) && /style-src 'sha256-/.test(seen.csp), `${where}: no strict CSP`);
  check(seen.scripts === 0 && seen.images === 0, `${where}: the page holds a script or an image`);
  check(seen.svgs === seen.timelines, `${where}: an SVG that is not a time line`);
  check(seen.injected === undefined, `${where}: injected script ran (${seen.injected})`);
  return seen;
}

function checkMessage(where, s) {
  check(s.findingsShown === s.findingsCount, `${where}: ${s.findingsCount} findings announced, ${s.findingsShown} shown`);
  check(s.ruleLinksResolve, `${where}: a rule link points nowhere`);
  if (s.verdict.includes('UNREADABLE') || !s.markers.length) return;
  for (let i = 1; i < s.markers.length; ++i) {
    const [a, b] = [s.markers[i - 1], s.markers[i]];
    check(a.time <= b.time && a.cx <= b.cx && a.cy < b.cy, `${where}: time line markers out of order: ${a.label} / ${b.label}`);
  }
  check(s.markers.every((m) => m.label.length > 0), `${where}: a time line marker without a label`);
  check(s.markers.some((m) => / now /.test(` ${m.kind} `) && m.label.startsWith('now')), `${where}: no "now" marker`);
  const known = /^\[(✔ signed|⚠ signed, not verified|✖ unsigned|✖ outside the verified part|signature #\d+)/;
  check(s.marks.every((m) => known.test(m.mark)), `${where}: an element without a signed/unsigned mark`);
  if (s.verdict.includes('ACCEPTED')) {
    check(s.marks.some((m) => m.name.includes(':Assertion>') && m.mark.startsWith('[✔ signed')),
      `${where}: accepted, but no Assertion marked signed`);
    check(s.marks.some((m) => /^\[✔ signed by signature #\d+, key CN=/.test(m.mark)), `${where}: accepted, but no signed element names its key`);
  }
}

async function main() {
  fs.rmSync(out, { recursive: true, force: true });
  const folders = fixtureFolders();
  const started = Date.now();
  const pages = await makePages(folders);
  const made = Date.now();
  const browser = await puppeteer.launch({
    executablePath: options.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    userDataDir: fs.mkdtempSync(path.join(out, 'profile-')),
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 900 });
    const log = {};
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === log.url && request.isNavigationRequest()) return request.continue();
      log.requests.push(request.url());
      return request.abort();
    });
    page.on('console', (message) => { if (message.type() === 'error') log.errors.push(message.text()); });
    page.on('pageerror', (error) => log.errors.push(error.message));

    // saml-verify: one page per fixture; the verdict shown is the one the exit status says.
    const findingsBySource = new Map();
    const expectedVerdict = { 0: 'ACCEPTED', 1: 'REJECTED', 3: 'UNREADABLE' };
    for (const p of pages.verify) {
      const where = path.relative(fixtures, p.file);
      const seen = await load(page, p.html, log);
      check(p.code in expectedVerdict, `${where}: saml-verify exited ${p.code}`);
      check(seen.sections.length > 0, `${where}: no message on the page`);
      if (p.code === 0) check(seen.sections.every((s) => s.verdict.includes('ACCEPTED')), `${where}: exit 0, page not ACCEPTED`);
      else check(seen.sections.some((s) => s.verdict.includes(expectedVerdict[p.code])), `${where}: exit ${p.code}, page says ${seen.sections.map((s) => s.verdict)}`);
      for (const s of seen.sections) {
        checkMessage(where, s);
        findingsBySource.set(s.heading, s.findingsCount);
      }
    }
    // saml-decode with the same trust: one page per folder, the same findings per message.
    for (const p of pages.decode) {
      const seen = await load(page, p.html, log);
      for (const s of seen.sections) {
        const where = `decode ${p.folder}: ${s.heading}`;
        checkMessage(where, s);
        if (findingsBySource.has(s.heading) && !s.verdict.includes('UNREADABLE')) {
          check(findingsBySource.get(s.heading) === s.findingsCount,
            `${where}: ${s.findingsCount} findings, saml-verify's page ${findingsBySource.get(s.heading)}`);
        }
      }
    }
    // saml-lint: one page per folder; each message as the JSON report has it, the summary.
    for (const p of pages.lint) {
      const seen = await load(page, p.html, log);
      const results = p.json.messages;
      check(seen.sections.length === results.length, `lint ${p.folder}: ${seen.sections.length} sections, ${results.length} results`);
      check(seen.summaryRows === results.length && seen.summaryLinksResolve, `lint ${p.folder}: summary table incomplete`);
      results.forEach((r, i) => {
        const s = seen.sections[i];
        if (!s) return;
        const where = `lint ${p.folder}: ${r.source}`;
        const verdict = r.error ? 'UNREADABLE' : r.failed ? 'FAIL' : 'PASS';
        check(s.verdict.endsWith(verdict), `${where}: page says ${s.verdict}, JSON ${verdict}`);
        check(s.findingsCount === (r.findings || []).length, `${where}: ${s.findingsCount} findings, JSON ${(r.findings || []).length}`);
        checkMessage(where, s);
      });
    }
    await userChecks(page, log, pages);
  } finally {
    await browser.close();
  }
  const verifySizes = pages.verify.map((p) => fs.statSync(p.html).size);
  console.log(`${pages.verify.length + pages.decode.length + pages.lint.length + 1} pages of ${[...folders.values()].flat().length} fixtures: ` +
    `made in ${((made - started) / 1000).toFixed(1)} s, checked in ${((Date.now() - made) / 1000).toFixed(1)} s; ` +
    `largest saml-verify page ${Math.max(...verifySizes)} bytes`);
  if (failures.length) {
    console.error(`${failures.length} failures:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
}

// What one user does on a few pages: reads the injected values as text, tabs to the skip
// link, sorts the summary, switches to the dark scheme; two screenshots kept.
async function userChecks(page, log, pages) {
  const typical = pages.verify.find((p) => p.file.endsWith(path.join('responses', 'okta-aws-signed-assertion.xml')));
  check(typical && fs.statSync(typical.html).size < TYPICAL_PAGE_LIMIT, 'the typical response page is not under 100 KB');

  const injected = pages.verify.find((p) => p.file.endsWith('script-injection.xml'));
  let seen = await load(page, injected.html, log);
  for (const shown of ['<script>window.samlkitInjected="nameid"</script>', '<img src=x onerror="window.samlkitInjected=\'attribute\'">',
    '<svg onload="document.title=\'INJECTED\'"></svg>', 'invoice[U+202E]fdp.exe']) {
    check(seen.bodyText.includes(shown), `script-injection: "${shown}" is not shown as text`);
  }
  check(seen.title === 'saml-verify report', `script-injection: the title changed to ${seen.title}`);
  await page.screenshot({ path: path.join(out, 'screenshot-injection.png'), fullPage: false });

  seen = await load(page, pages.redacted.html, log);
  check(!seen.bodyText.includes('samlkitInjected') && seen.bodyText.includes('redacted:'), 'decode --redact: values not redacted');

  await load(page, typical.html, log);
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.className === 'skip'), 'the first Tab does not reach the skip link');
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  check(light !== dark, 'no dark colour scheme');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.screenshot({ path: path.join(out, 'screenshot-verify.png'), fullPage: true });

  const lint = pages.lint.find((p) => p.folder === 'lint');
  await load(page, lint.html, log);
  const sorted = await page.evaluate(() => {
    document.querySelector('#summary-by-input thead a[href="#summary-by-errors"]').click();
    const visible = [...document.querySelectorAll('.views > table')].filter((t) => getComputedStyle(t).display !== 'none');
    const errors = [...visible[0].querySelectorAll('tbody tr')].map((tr) => Number(tr.cells[2].textContent));
    return { visible: visible.map((t) => t.id), errors };
  });
  check(sorted.visible.length === 1 && sorted.visible[0] === 'summary-by-errors', `lint summary: shown after sorting: ${sorted.visible}`);
  check(sorted.errors.every((e, i) => i === 0 || sorted.errors[i - 1] >= e), 'lint summary: not sorted by errors');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
