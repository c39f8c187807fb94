/** Global Privacy Control: `navigator.globalPrivacyControl === true` means "do not sell or share". */
export function readGpc(nav: Navigator = navigator): boolean {
  return (nav as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
}
