// Drives a whole conversation in the Microsoft 365 Agents Playground, in Debian's Chromium (playwright-core: no browser
// download), where a card may be replaced in place (Action.Execute) or updated by the bot (PUT), so "one more card"
// is not how a step ends: each step ends when its card shows what the step expects.
// Usage: node playground-steps.js <playground url> <screenshot dir> <chromium path>   (the steps as JSON on stdin)
// A step: { "say": text } or { "click": button title } (in the newest card) or neither (only wait), then
//   "expect": text the step's card must contain, or "expectButton": a button title it must show — the step's card
//   being the clicked one (Action.Execute replaces it in place), else the newest;
//   "whileWaiting": { "text": t, "click": title }  (a card redrawn in place until ready: click it once it says t),
//   "timeoutMs" (default 30 s), "shot": file name of a screenshot of the step's card once the step is done.
// Prints JSON: { cards: [texts of every bot card, in order], steps: [the step's card's text after each step] }.
'use strict';
const fs = require('fs');
const path = require('path');
const launchChromium = require('./launch-chromium');

const [url, shots, executablePath] = process.argv.slice(2);
const steps = JSON.parse(fs.readFileSync(0, 'utf8'));
const clean = text => text.replace(/\s+/g, ' ').trim();

(async () => {
  const browser = await launchChromium(executablePath);
  const results = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(url);
    const cards = page.locator('.ac-adaptiveCard');
    const buttonIn = (card, title) => card.getByRole('button', { name: title, exact: true }).first();
    await cards.first().waitFor({ timeout: 30000 });

    for (const [index, step] of steps.entries()) {
      const what = step.say ?? step.click ?? 'wait';
      let card = () => cards.last();
      if (step.say !== undefined) {
        const editor = page.locator('[data-lexical-editor="true"]');
        await editor.click();
        await editor.type(step.say);
        await page.keyboard.press('Enter');
      } else if (step.click !== undefined) {
        // The clicked card keeps its place when its answer replaces it, even if the bot posts more after it.
        const clicked = cards.nth((await cards.count()) - 1);
        card = () => clicked;
        await buttonIn(clicked, step.click).click({ timeout: 10000 });
      }

      const deadline = Date.now() + (step.timeoutMs ?? 30000);
      let clickedWhileWaiting = false;
      for (;;) {
        const text = clean(await card().innerText().catch(() => ''));
        const done = step.expectButton !== undefined
          ? await buttonIn(card(), step.expectButton).isVisible().catch(() => false)
          : text.includes(step.expect);
        if (done) {
          break;
        }
        if (step.whileWaiting && !clickedWhileWaiting && text.includes(step.whileWaiting.text)) {
          await buttonIn(card(), step.whileWaiting.click).click({ timeout: 10000 });
          clickedWhileWaiting = true;
          continue;
        }
        if (Date.now() > deadline) {
          await page.screenshot({ path: path.join(shots, `failed-step-${index + 1}.png`), fullPage: true });
          throw new Error(`Step ${index + 1} (${what}): its card never showed "${step.expect ?? step.expectButton}". It reads: ${text}`);
        }
        await page.waitForTimeout(250);
      }

      if (step.shot) {
        await card().scrollIntoViewIfNeeded();
        await card().screenshot({ path: path.join(shots, step.shot) });
      }
      results.push(clean(await card().innerText()));
    }

    process.stdout.write(JSON.stringify({ cards: (await cards.allInnerTexts()).map(clean), steps: results }));
  } finally {
    await browser.close();
  }
})().catch(error => { console.error(error.message || error); process.exit(1); });
