import { chromium, type Browser } from 'playwright-core';

/** The system Chromium (the README says how to install it); flags keep it quiet and offline. */
export const chromiumPath = process.env.SHIPLOG_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
