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

interface PageConfig {
  config: unknown;
  problems: ConfigProblem[];
}

function readPageConfig(): PageConfig | null {
  const block = document.getElementById('samtykke-config');
  if (block) {
    try {
      return { config: JSON.parse(block.textContent || ''), problems: [] };
    } catch (error) {
      const found = error instanceof Error ? error.message : String(error);
      return { config: undefined, problems: [{ path: '#samtykke-config', found: `text that is not JSON (${found})`, expected: 'a JSON object' }] };
    }
  }
  const global = (window as { samtykkeConfig?: unknown }).samtykkeConfig;
  return global === undefined ? null : { config: global, problems: [] };
}

const w = window as unknown as { Samtykke?: { version?: string } };
// Loaded twice (two tags, or a tag plus a tag manager): the first copy stays in charge.
if (!w.Samtykke?.version) {
  const page = readPageConfig();
  const api = createApi(mountLayers, page?.problems);
  w.Samtykke = api;
  if (page) api.init(page.config);
}
