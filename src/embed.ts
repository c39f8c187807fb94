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
  const block = document.getElementById('samtykke-config');
  let config = w.samtykkeConfig;
  let problems: ConfigProblem[] | undefined;
  if (block)
    try {
      config = JSON.parse(block.textContent!);
    } catch (error) {
      // Reported, and Samtykke starts on safe defaults: nothing consented.
      config = undefined;
      problems = [{ path: '#samtykke-config', found: String(error), expected: 'a JSON object' }];
    }
  const api = createApi(mountLayers, problems);
  w.Samtykke = api;
  if (block || config !== undefined) api.init(config);
}
