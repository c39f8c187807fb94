/**
 * A stable fingerprint of the texts a visitor was shown, stored with each consent so the
 * log can tie a decision to an exact wording. It identifies versions; it is not a security
 * hash (the proof is the log plus the versioned texts, not secrecy of this value).
 */

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. */
export function hashText(text: string): string {
  // Two 32-bit lanes (the FNV-1a offset basis and a second seed) stand in for one 64-bit state.
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x0100019d);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
