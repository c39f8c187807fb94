/** Side-effect entry: registers the first-layer custom elements. */
import { defineElements } from './components/registry.js';

defineElements();
