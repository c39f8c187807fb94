import { html } from 'lit';
import type { SamtykkeElement } from '../samtykke-element.js';
import { dispatchIntent } from './intent.js';

/**
 * The three equal choices (COMPLIANCE 3, 4, 12): accept all, reject all, then `last`
 * (customise in the banner, save in the preference centre), whose event carries what
 * `detail` returns. Same element, same class, same order everywhere; none is focused.
 */
export function choiceButtons(host: SamtykkeElement, last: string, label: string, detail?: () => unknown) {
  const { acceptAll, rejectAll } = host.messages.banner;
  const choices: Array<[string, string]> = [
    ['accept-all', acceptAll],
    ['reject-all', rejectAll],
    [last, label],
  ];
  return html`<div class="actions" part="actions">
    ${choices.map(
      ([action, text]) =>
        html`<button
          type="button"
          part=${action}
          data-action=${action}
          @click=${() => dispatchIntent(host, action, action === last ? detail?.() : undefined)}
        >${text}</button>`,
    )}
  </div>`;
}
