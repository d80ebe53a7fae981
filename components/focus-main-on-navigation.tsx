"use client";
// After a move to another page in the browser (a link, back or forward), the keyboard starts
// from the new page's main content, as it would after a full page load, instead of from the
// link that was clicked (Next leaves focus where it was). A change of the query alone — a
// sort, a filter, the next page of a table — keeps the focus on the control that made it.
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export function FocusMainOnNavigation({ mainId }: { mainId: string }) {
  const pathname = usePathname();
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const previous = shown.current;
    shown.current = pathname;
    if (previous === null || previous === pathname) return;
    document.getElementById(mainId)?.focus({ preventScroll: true });
  }, [pathname, mainId]);
  return null;
}
