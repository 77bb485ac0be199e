"use client";

import { useEffect, useRef } from "react";

/** Moves focus to a screen's heading when the screen appears, so a screen reader announces the
 *  new screen (the heading needs tabIndex={-1}). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);
  return ref;
}
