import { css } from 'lit';

/** The placeholder's panel: the blocked content's own size when the page gave it one. */
export const embedStyles = css`
  .panel {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    justify-content: center;
    align-content: center;
    min-height: 150px;
    height: 100%;
    padding: 16px;
    text-align: center;
  }
  p {
    flex-basis: 100%;
  }
`;
