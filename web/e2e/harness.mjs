// What the browser end-to-end tests share: the demo server each test file starts (or an
// already running one, QUHUA_BASE), and headless Chromium's flags and profile.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'];

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  s.on('error', reject);
});

/**
 * Starts `QUHUA_BIN serve --demo` on a free port in a scratch directory, waiting until it has
 * printed the demo accounts (`args`: more options of `quhua serve`); with `allowRunning`,
 * QUHUA_BASE names a server already running.
 * Returns `{ base, out, stop }` (`out`: what it printed).
 */
export async function startDemoServer(name, { allowRunning = false, args = [] } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (allowRunning && process.env.QUHUA_BASE) return { base: process.env.QUHUA_BASE, out: '', stop: () => {} };
  const bin = process.env.QUHUA_BIN;
  assert.ok(bin, 'set QUHUA_BIN to the built quhua binary');
  const work = mkdtempSync(join(tmpdir(), `quhua-e2e-${name}-`));
  const port = await freePort();
  const server = spawn(bin, ['serve', '--demo', '--addr', `127.0.0.1:${port}`, ...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    server.stdout.on('data', (d) => { out += d; if (out.includes('guest')) { clearTimeout(timer); resolve(); } });
    server.stderr.on('data', (d) => { out += d; });
    server.on('exit', (c) => { clearTimeout(timer); reject(new Error(`server exited ${c}:\n${out}`)); });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    out,
    stop: () => { server.kill('SIGINT'); rmSync(work, { recursive: true, force: true }); },
  };
}

/** A fresh headless Chromium profile: `{ ctx, close }`. */
export async function browserContext({ width = 1280, height = 1000, downloads = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'quhua-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width, height }, locale: 'zh-CN',
    acceptDownloads: downloads,
  });
  return { ctx, close: async () => { await ctx.close(); rmSync(profile, { recursive: true, force: true }); } };
}

/**
 * Where the UI under test is served: the demo server's own (embedded) UI, or — with
 * QUHUA_UI=source — this source tree served by Vite, proxying /api to that server.
 * Returns the base URL and a function that stops the Vite server, if any.
 */
export async function uiBase(server) {
  if (process.env.QUHUA_BASE || process.env.QUHUA_UI !== 'source') return { base: server.base, close: async () => {} };
  const { createServer } = await import('vite');
  const vite = await createServer({
    root: join(dirname(fileURLToPath(import.meta.url)), '..'), configFile: false, logLevel: 'warn', clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, proxy: { '/api': server.base } },
  });
  await vite.listen();
  return { base: `http://127.0.0.1:${vite.httpServer.address().port}`, close: () => vite.close() };
}

/** Waits until the app shows `view` and has finished loading it. */
export const ready = (page, view) => page.waitForFunction((v) => window.__quhua?.view === v && window.__quhua.ready, view, { timeout: 60_000 });

/** A fresh browser profile at `base`, logged in as the demo account `user` (Chinese UI). */
export async function loginAs(base, user, { width = 1280 } = {}) {
  const { ctx, close } = await browserContext({ width, downloads: true });
  const page = ctx.pages()[0] ?? await ctx.newPage();
  await page.goto(base + '/');
  await page.evaluate(() => localStorage.setItem('quhua.lang', 'zh'));
  await page.reload();
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', `${user}-demo-2026`);
  await page.click('button[type=submit]');
  await ready(page, 'counties');
  return { page, close };
}

/** Opens a hash route afresh and waits for its view. */
export async function openView(base, page, hash, view) {
  await page.goto(`${base}/${hash}`);
  await page.reload();
  await ready(page, view);
}
