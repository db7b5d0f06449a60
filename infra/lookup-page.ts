/**
 * The resident look-up page (admin/lookup.html), a second page of the admin build. The local
 * server and CloudFront both answer `/lookup` and the paths below it with this file, and let
 * other sites show it in a frame, which the admin itself never allows.
 */
export const LOOKUP_HTML = 'lookup.html';

/** `/lookup`, `/lookup/`, `/lookup/result`: paths of the page, not files (no dot). */
export const isLookupPath = (path: string): boolean => /^\/lookup(\/[^.]*)?$/.test(path);

/**
 * Who may frame the page: the site itself and any HTTPS site, since a ward website or a city
 * operations centre embeds it and there are too many of them to list. A province that wants
 * a closed list replaces `https:` with its sites' origins.
 */
export const LOOKUP_FRAME_ANCESTORS = "'self' https:";
