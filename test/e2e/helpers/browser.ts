import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';

/** The system Chromium (the README says how to install it); flags keep it quiet and offline. */
export const chromiumPath = process.env.SHIPLOG_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface OpenOptions {
  width?: number;
  dark?: boolean;
  javaScript?: boolean;
}

/**
 * Pages for a test file, each in its own context (viewport, colour scheme,
 * JavaScript on or off), opened at `baseUrl() + route` and expected to
 * answer 200. Every console error and uncaught exception is collected, and
 * after each test the contexts are closed and the collection must be empty.
 * Call it at the top level of a test file: it registers that afterEach.
 */
export function checkedPages(browser: () => Browser, baseUrl: () => string): (route: string, options?: OpenOptions) => Promise<Page> {
  let consoleErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    const errors = consoleErrors;
    consoleErrors = [];
    expect(errors).toEqual([]);
  });
  return async (route, options = {}) => {
    const context = await browser().newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      colorScheme: options.dark ? 'dark' : 'light',
      javaScriptEnabled: options.javaScript ?? true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    const response = await page.goto(`${baseUrl()}${route}`);
    expect(response?.status(), route).toBe(200);
    return page;
  };
}
