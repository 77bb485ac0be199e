/** Bounds of a console's roster window (`roster:window`), apart from the zod schemas so the
 *  browser console can use them without bundling zod. */

/** Most roster rows one page may hold. */
export const ROSTER_PAGE_MAX = 100;

/** Longest nickname search: a nickname is at most 24 characters; room for pasted text around it. */
export const ROSTER_SEARCH_MAX = 64;
