// Pure, so the adapters (where provider values enter) and the pages (where they are drawn)
// apply one rule. A provider's color goes into a style attribute: anything but a plain hex
// color could carry more declarations ("red;position:fixed;background:url(…)").

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** "#rgb" or "#rrggbb" (surrounding spaces dropped, lower-cased), anything else null. */
export function safeCssColor(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const color = value.trim();
  return HEX_COLOR.test(color) ? color.toLowerCase() : null;
}
