// @ts-check
/** The charts' looks: bars in the accent colour, values and labels in the text colour. */
import { css } from 'lit';

export const chartStyles = css`
  figure {
    margin: 0;
  }
  svg .bar {
    fill: var(--admin-bar);
  }
  svg .track {
    fill: var(--admin-surface);
    stroke: var(--admin-border);
    stroke-width: 1;
  }
  svg .axis {
    stroke: var(--admin-border);
  }
  svg text {
    fill: var(--admin-text);
    font: 13px system-ui, sans-serif;
    font-variant-numeric: tabular-nums;
  }
  svg text.label {
    fill: var(--admin-muted);
    font-size: 12px;
  }
  table.shares {
    table-layout: fixed;
  }
  table.shares th:first-child {
    width: 40%;
  }
  table.shares .share {
    width: 38%;
  }
  table.shares td.share span {
    font-variant-numeric: tabular-nums;
  }
  table.shares .number {
    width: 22%;
  }
  table.shares svg {
    display: block;
    margin: 4px 0 0;
  }
  table.shares th[scope='row'] {
    overflow-wrap: break-word;
    hyphens: auto;
  }
  @media (max-width: 480px) {
    table.shares th,
    table.shares td {
      padding: 6px 4px;
    }
    table.shares th:first-child {
      width: 46%;
    }
    table.shares .share {
      width: 32%;
    }
  }
  details summary {
    cursor: pointer;
    min-height: 24px;
    padding: 4px 0;
  }
`;
