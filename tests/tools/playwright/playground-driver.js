// A person at the Microsoft 365 Agents Playground, in Debian's Chromium (playwright-core: no browser download),
// driven one command at a time so that a test can do other things between steps (kill and restart the bot, look at
// the simulator) while the same page stays open.
// Usage: node playground-driver.js <playground url> <screenshot dir> <chromium path>
// Reads one JSON command per line on stdin and answers each with one JSON line on stdout: {"ok":true,...} or
// {"ok":false,"error":"..."}. Commands (timeouts in ms, default 30000):
//   {"op":"open"}                                      load the page, wait for the bot's first card
//   {"op":"cards"}                                     {"cards":[text of every bot card, in order]}
//   {"op":"waitForCard","text":"...","timeout":n}      wait until a card contains text; {"card": its text}
//   {"op":"waitForCards","count":n,"timeout":n}        wait until there are at least n cards
//   {"op":"type","text":"..."}                         type a message and send it
//   {"op":"click","title":"...","card":"...","section":"..."}  press a button, in the last card containing "card" if
//                                                      given, in the innermost part of it containing "section" if given
//   {"op":"fill","label":"...","value":"...","card":"..."}   type into a text or number input found by its label
//   {"op":"check","label":"...","card":"..."}         tick a checkbox or radio button found by its label
//   {"op":"select","label":"...","option":"...","card":"..."} choose an option of a drop-down found by its label
//   {"op":"screenshot","name":"x","card":"..."}       x.png: that card alone when "card" is given, else the page
//   {"op":"quit"}
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { chromium } = require('playwright-core');

const [url, shots, executablePath] = process.argv.slice(2);
const CARD = '.ac-adaptiveCard';

const answer = value => process.stdout.write(JSON.stringify(value) + '\n');
const normalise = text => text.replace(/\s+/g, ' ').trim();

async function main() {
  if (!executablePath || !fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath, headless: true,
    // Without the background-networking flags Chromium keeps calling Google hosts, which this network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });

  // The last card whose text contains `text` (every card when absent): cards replaced in place keep their position.
  const cardWith = text => text
    ? page.locator(CARD).filter({ hasText: text }).last()
    : page.locator(CARD).last();
  const cardTexts = async () => (await page.locator(CARD).allInnerTexts()).map(normalise);

  const commands = {
    async open() {
      await page.goto(url);
      await page.locator(CARD).first().waitFor({ timeout: 60000 });
      return {};
    },
    async cards() {
      return { cards: await cardTexts() };
    },
    async waitForCard(c) {
      await page.waitForFunction(
        ([selector, text]) => [...document.querySelectorAll(selector)].some(e => e.innerText.includes(text)),
        [CARD, c.text], { timeout: c.timeout ?? 30000 });
      return { card: normalise(await cardWith(c.text).innerText()) };
    },
    async waitForCards(c) {
      await page.waitForFunction(
        ([selector, n]) => document.querySelectorAll(selector).length >= n, [CARD, c.count], { timeout: c.timeout ?? 30000 });
      return { cards: await cardTexts() };
    },
    async type(c) {
      const editor = page.locator('[data-lexical-editor="true"]');
      await editor.click();
      await editor.type(c.text);
      await page.keyboard.press('Enter');
      return {};
    },
    async click(c) {
      const button = () => page.getByRole('button', { name: c.title, exact: true });
      let scope = cardWith(c.card);
      if (c.section) {
        // The innermost part of the card holding both the text and the button: one row of a list of look-alike rows.
        scope = scope.locator('.ac-container, .ac-columnSet').filter({ hasText: c.section }).filter({ has: button() }).last();
      }
      await scope.getByRole('button', { name: c.title, exact: true }).last().click({ timeout: c.timeout ?? 30000 });
      return {};
    },
    async fill(c) {
      await cardWith(c.card).getByLabel(c.label, { exact: false }).last().fill(String(c.value), { timeout: c.timeout ?? 30000 });
      return {};
    },
    async check(c) {
      await cardWith(c.card).getByLabel(c.label, { exact: true }).last().check({ timeout: c.timeout ?? 30000 });
      return {};
    },
    async select(c) {
      await cardWith(c.card).getByLabel(c.label, { exact: false }).last().selectOption({ label: c.option }, { timeout: c.timeout ?? 30000 });
      return {};
    },
    async screenshot(c) {
      const file = path.join(shots, `${c.name}.png`);
      if (c.card) {
        // The chat pane scrolls: a card taller than the window would come out cut, so the window grows to hold it.
        const card = cardWith(c.card);
        const box = await card.boundingBox();
        const viewport = page.viewportSize();
        if (box && box.height + 300 > viewport.height) {
          await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(box.height) + 300, 8000) });
        }
        try {
          await card.screenshot({ path: file });
        } finally {
          await page.setViewportSize(viewport);
        }
      } else {
        await page.screenshot({ path: file });
      }
      return { file };
    },
  };

  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) {
      continue;
    }
    let command;
    try {
      command = JSON.parse(line);
      if (command.op === 'quit') {
        break;
      }
      const run = commands[command.op];
      if (!run) {
        throw new Error(`unknown op '${command.op}'`);
      }
      answer({ ok: true, ...(await run(command)) });
    } catch (error) {
      // A failed step keeps the page for the next command (and a screenshot of what the person saw).
      let seen;
      try {
        seen = path.join(shots, 'failure.png');
        await page.screenshot({ path: seen });
      } catch {
        seen = undefined;
      }
      answer({ ok: false, error: String(error && error.message || error).split('\n')[0], screenshot: seen, cards: await cardTexts().catch(() => []) });
    }
  }
  await browser.close();
}

main().catch(error => { console.error(error.message || error); process.exit(1); });
