// Debian's Chromium, headless, for the Playground scripts (playwright-core: no browser download).
'use strict';
const fs = require('fs');
const { chromium } = require('playwright-core');

module.exports = async function launchChromium(executablePath) {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath, headless: true,
    // Without the background-networking flags Chromium keeps calling Google hosts, which this network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
};
