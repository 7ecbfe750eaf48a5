// Drives the Microsoft 365 Agents Playground in Debian's Chromium (playwright-core: no browser download).
// Usage: node playground-chat.js <playground url> <screenshot dir> <chromium path> <step>...
// A step is a message to type, or "click:<button title>" to press a card button (the most recent one of that title).
// Waits for the bot's first card (the welcome), runs each step and waits for one more bot card after each,
// then prints JSON: { cards: [texts of every bot message, in order] }.
'use strict';
const path = require('path');
const launchChromium = require('./launch-chromium');

const [url, shots, executablePath, ...messages] = process.argv.slice(2);

(async () => {
  const browser = await launchChromium(executablePath);
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
