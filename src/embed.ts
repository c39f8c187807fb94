/**
 * The script-tag entry (`dist/samtykke.js`): reads the page's config and starts Samtykke.
 *
 * Config comes from `<script type="application/json" id="samtykke-config">` (no inline
 * JavaScript, so strict-CSP sites work), else `window.samtykkeConfig`, else the page calls
 * `Samtykke.init(config)` itself.
 */
import { createApi } from './api.js';
import type { ConfigProblem } from './core/config.js';
import { mountLayers } from './layers.js';

const w = window as unknown as { Samtykke?: { version?: string }; samtykkeConfig?: unknown };
// Loaded twice (two tags, or a tag plus a tag manager): the first copy stays in charge.
if (!w.Samtykke?.version) {
  // Read through XPath, which hands back the block's text and never the element: the first
  // script element a page script touches makes the browser build the HTMLScriptElement
  // interface, 5.1 KB of JS heap (the XPath result's costs 3.6; README, Benchmarks). The types
  // are XPathResult's BOOLEAN_TYPE (3) and STRING_TYPE (2), written as numbers.
  const read = (type: number, of: string) => document.evaluate(`${of}(id("samtykke-config"))`, document, null, type, null);
  const block = read(3, 'boolean').booleanValue;
  let config = w.samtykkeConfig;
  let problems: ConfigProblem[] | undefined;
  if (block)
    try {
      config = JSON.parse(read(2, 'string').stringValue);
    } catch (error) {
      // Reported, and Samtykke starts on safe defaults: nothing consented.
      config = undefined;
      problems = [{ path: '#samtykke-config', found: String(error), expected: 'a JSON object' }];
    }
  const api = createApi(mountLayers, problems);
  w.Samtykke = api;
  if (block || config !== undefined) api.init(config);
}
