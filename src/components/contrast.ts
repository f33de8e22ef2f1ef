// WCAG 2.1's contrast ratio between two colours, for the reader's palette and the symbols drawn on a
// speaker type's colour (issue 32). The definitions: https://www.w3.org/TR/WCAG21/#dfn-relative-luminance
// and https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio.

/**
 * The relative luminance of a `#rrggbb` colour: 0 for black, 1 for white.
 * @throws {Error} if `color` is not `#rrggbb`.
 * @example relativeLuminance("#ffffff") // 1
 */
export function relativeLuminance(color: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(color)) throw new Error(`contrast: not a #rrggbb colour: ${color}`);
  const [r, g, b] = [1, 3, 5].map((k) => {
    const c = parseInt(color.slice(k, k + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * The contrast ratio of two `#rrggbb` colours, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: from 1 to 21.
 * @throws {Error} if either is not `#rrggbb`.
 * @example contrastRatio("#767676", "#ffffff") // 4.54…
 */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter! + 0.05) / (darker! + 0.05);
}
