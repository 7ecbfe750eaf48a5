// Reads a JSON array of {name, card} from stdin and validates each card with the official Adaptive Cards
// renderer at schema version 1.5 (what Teams supports for bot cards). Prints one JSON line per card:
// {name, events:[{phase, event, message}]}. Exit code 0 even when cards have events: the caller asserts.
'use strict';
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
global.window = dom.window;
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in global)) {
    try { global[key] = dom.window[key]; } catch { /* read-only globals are not needed */ }
  }
}
// The package's ESM entry fails under Node 20 (extensionless imports); the UMD bundle works.
const AC = require('adaptivecards/dist/adaptivecards.js');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  for (const { name, card } of JSON.parse(input)) {
    const events = [];
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card, context);
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      events.push({ phase: 'parse', event: AC.ValidationEvent[e.event], message: e.message });
    }
    for (const e of parsed.validateProperties().validationEvents) {
      events.push({ phase: 'validate', event: AC.ValidationEvent[e.event], message: e.message });
    }
    process.stdout.write(JSON.stringify({ name, events }) + '\n');
  }
});
