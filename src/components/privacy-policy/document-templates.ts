/**
 * Templates the policy and the cookie declaration share: headings at a computed level, and
 * filled segments as text, links or the missing-contact notice. Text is always bound as text,
 * so markup in a document is shown, never run.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Segment } from '../../core/policy-fill.js';

/**
 * A heading of `level` (clamped to 1–6). `focusTarget` makes it focusable by script, so an
 * in-page link can move keyboard focus to the section it points at.
 */
export function heading(level: number, content: unknown, focusTarget = false): TemplateResult {
  const t = focusTarget ? '-1' : nothing;
  switch (Math.min(6, Math.max(1, Math.round(level) || 1))) {
    case 1:
      return html`<h1 part="heading" tabindex=${t}>${content}</h1>`;
    case 2:
      return html`<h2 part="heading" tabindex=${t}>${content}</h2>`;
    case 3:
      return html`<h3 part="heading" tabindex=${t}>${content}</h3>`;
    case 4:
      return html`<h4 part="heading" tabindex=${t}>${content}</h4>`;
    case 5:
      return html`<h5 part="heading" tabindex=${t}>${content}</h5>`;
    default:
      return html`<h6 part="heading" tabindex=${t}>${content}</h6>`;
  }
}

/** Renders segments; `missing` is the visible notice text for `{ missing: true }`. */
export function segments(list: Segment[], missing: string): unknown[] {
  return list.map((s) => {
    if ('missing' in s) return html`<strong class="missing" part="missing">${missing}</strong>`;
    return s.href ? html`<a href=${s.href}>${s.text}</a>` : s.text;
  });
}
