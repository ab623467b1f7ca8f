/** Past this the lists are empty anyway; it keeps OFFSET a small whole number. */
const LAST_PAGE = 1000;

/**
 * `?page=` of a portal list. Only plain digits count (`1.5`, `1e3`, `-1` or `0x10` would
 * reach the query as a fractional or odd OFFSET); anything else is the first page.
 */
export function pageNumber(raw: string | undefined): number {
  if (!raw || !/^\d{1,4}$/.test(raw)) return 1;
  return Math.min(LAST_PAGE, Math.max(1, Number(raw)));
}
