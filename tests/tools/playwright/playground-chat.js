// Drives the Microsoft 365 Agents Playground in Debian's Chromium (playwright-core: no browser download).
// Usage: node playground-chat.js <playground url> <screenshot dir> <chromium path> <step>...
// A step is a message to type, or "click:<button title>" to press a card button (the most recent one of that title).
// Waits for the bot's first card (the welcome), runs each step and waits for one more bot card after each,
// then prints JSON: { cards: [texts of every bot message, in order] }.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [url, shots, executablePath, ...messages] = process.argv.slice(2);

(async () => {
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  const browser = await chromium.launch({
    executablePath, headless: true,
    // Without the background-networking flags Chromium keeps calling Google hosts, which this network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    const botCards = page.locator('.ac-adaptiveCard');
    const botTexts = async () => (await botCards.allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
    await botCards.first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(shots, 'playground-welcome.png') });

    const editor = page.locator('[data-lexical-editor="true"]');
    for (const [index, message] of messages.entries()) {
      const before = (await botTexts()).length;
      if (message.startsWith('click:')) {
        await page.getByRole('button', { name: message.slice('click:'.length), exact: true }).last().click();
      } else {
        await editor.click();
        await editor.type(message);
        await page.keyboard.press('Enter');
      }
      await page.waitForFunction(
        n => document.querySelectorAll('.ac-adaptiveCard').length > n, before, { timeout: 30000 });
      await page.screenshot({ path: path.join(shots, `playground-${index + 1}.png`) });
    }
    process.stdout.write(JSON.stringify({ cards: await botTexts() }));
  } finally {
    await browser.close();
  }
})().catch(error => { console.error(error.message || error); process.exit(1); });
