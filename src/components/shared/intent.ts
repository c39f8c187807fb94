/**
 * Asks the controller for a decision or a layer: a bubbling, composed event from `host`, which
 * the controller acts on only when it comes from one of Samtykke's own elements.
 */
export function dispatchIntent(host: Element, type: string, detail?: unknown): void {
  host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
