import { css } from 'lit';

/**
 * The banner: a corner box or a bottom bar, fixed so the host page does not move. At most 70%
 * of the viewport high (half of it on a phone, where it is a bottom sheet), so there is always
 * room above it for what the keyboard focuses (COMPLIANCE 38); the text scrolls, with shadows
 * at its edges while there is more to read, and the buttons stay in view (COMPLIANCE 2, 40).
 */
export const bannerStyles = css`
  :host {
    position: fixed;
    z-index: 2147483000;
    left: 16px;
    bottom: 16px;
    width: min(480px, 100vw - 32px);
  }
  :host([layout='bar']) {
    left: 0;
    bottom: 0;
    width: 100%;
  }
  section {
    display: flex;
    flex-direction: column;
    gap: 12px;
    min-height: 0;
    max-height: 70dvh;
    padding: 20px;
    box-shadow: var(--_shadow);
  }
  :host([layout='bar']) section {
    border-radius: 0;
    border-width: 1px 0 0;
    padding: 16px max(16px, 50% - 560px);
  }
  @media (prefers-reduced-motion: no-preference) {
    /* Slides in, never fades: the banner is legible from its first frame. */
    section {
      animation: samtykke-rise 0.24s cubic-bezier(0.2, 0.7, 0.3, 1);
    }
    @keyframes samtykke-rise {
      from {
        transform: translateY(12px);
      }
    }
  }
  .text {
    overflow: auto;
    overscroll-behavior: contain;
    /* Scroll shadows: a shade at the top or bottom edge while there is more text that way. */
    background:
      linear-gradient(var(--_bg) 30%, transparent) top / 100% 24px no-repeat local,
      linear-gradient(transparent, var(--_bg) 70%) bottom / 100% 24px no-repeat local,
      radial-gradient(farthest-side at 50% 0, light-dark(#0006, #fff5), transparent) top / 100% 14px no-repeat scroll,
      radial-gradient(farthest-side at 50% 100%, light-dark(#0006, #fff5), transparent) bottom / 100% 14px no-repeat scroll;
  }
  ul {
    padding-left: 20px;
    margin: 0 0 8px;
  }
  li + li {
    margin-top: 4px;
  }
  .actions {
    flex: none;
    max-width: 640px;
  }
  /* A phone: a bottom sheet, at most half the screen; accept and reject side by side, equal. */
  @media (max-width: 480px) {
    :host,
    :host([layout='bar']) {
      left: 0;
      bottom: 0;
      width: 100%;
    }
    section,
    :host([layout='bar']) section {
      max-height: 50dvh;
      padding: 16px;
      border-width: 1px 0 0;
      border-radius: var(--_radius) var(--_radius) 0 0;
    }
    h2 {
      font-size: 1.15em;
    }
    /* Two columns while a label fits in one (about 8.5em), one at a large text size. */
    .actions {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 8.5em), 1fr));
    }
    .actions [part='customise'] {
      grid-column: 1 / -1;
    }
  }
`;
