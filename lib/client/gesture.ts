/** Where a dragged card would land, as a pure function of the pointer and the column buttons'
 *  rectangles (so swipe rules are testable without a browser).
 *  - Over a column button: that column.
 *  - Two columns: a horizontal swipe of at least SWIPE_PX picks left or right.
 *  - More columns: once dragged DRAG_PX away, the button nearest to the pointer. */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const DRAG_PX = 56;
export const SWIPE_PX = 64;

export function dropTarget(x: number, y: number, dx: number, dy: number, boxes: readonly (Box | null)[]): number | null {
  const over = boxes.findIndex((b) => b !== null && x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
  if (over >= 0) return over;
  if (boxes.length === 2) {
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < Math.abs(dy) * 0.5) return null;
    return dx < 0 ? 0 : 1;
  }
  if (Math.hypot(dx, dy) < DRAG_PX) return null;
  let best: number | null = null;
  let bestDistance = Infinity;
  boxes.forEach((b, i) => {
    if (!b) return;
    const d = Math.hypot(x - (b.left + b.right) / 2, y - (b.top + b.bottom) / 2);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best;
}

/** Which of several boxes (columns of the review board) contains the point. */
export function boxAt(x: number, y: number, boxes: readonly (Box | null)[]): number | null {
  const i = boxes.findIndex((b) => b !== null && x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
  return i >= 0 ? i : null;
}
