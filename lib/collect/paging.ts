/**
 * Page size for every list call. The model types MaxResults as a string and documents no
 * maximum for API Gateway V2 (no documented maximum). Every page costs one token of a
 * 10/s quota, so pages should be large; but a value above the service's undocumented limit
 * could turn every list call into a BadRequestException. 100 is a fifth of the 500 that
 * API Gateway's v1 list calls document as their `limit` maximum (an analogy, not a V2 fact),
 * and already brings an API at the 300-routes quota down to 3 pages.
 */
export const PAGE_SIZE = '100';

export interface PageRequest {
  MaxResults: string;
  NextToken?: string;
}

/** The shape every API Gateway V2 Get* list call returns. */
export interface Page<T> {
  Items?: T[] | undefined;
  NextToken?: string | undefined;
}

/**
 * Pages one listing may take. The largest V2 listings AWS allows are 600 APIs per region and
 * 300 routes per API (quotas that can be raised a little), 6 pages of 100 at most; 1,000
 * pages is 100,000 items, far past any real account, and 2 minutes of quota at 8 calls/s.
 */
export const MAX_PAGES = 1_000;

/** A listing that would never end: the service repeats a token, or pages on past MAX_PAGES. */
export class PagingError extends Error {
  override name = 'PagingError';
}

/**
 * Reads every page of one list call (the SDK has no paginators for GetApis, GetIntegrations,
 * GetIntegrationResponses, GetRoutes, GetRouteResponses). `Items` may be absent; `NextToken`
 * is absent or empty on the last page. A service (or emulator) that hands back any token it
 * gave before (A, B, A, ...) would loop forever, and one with always new tokens would page
 * at the quota's rate until the deadline: both stop with a PagingError.
 */
export async function listAll<T>(fetchPage: (request: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let nextToken: string | undefined;
  for (let pages = 1; ; pages += 1) {
    const page = await fetchPage(nextToken === undefined ? { MaxResults: PAGE_SIZE } : { MaxResults: PAGE_SIZE, NextToken: nextToken });
    // A loop, not push(...spread): a page's length is whatever the server sent.
    for (const item of page.Items ?? []) items.push(item);
    nextToken = page.NextToken || undefined;
    if (nextToken === undefined) return items;
    if (seen.has(nextToken)) throw new PagingError(`the service returned a NextToken it had already returned (${shortToken(nextToken)}) on page ${pages}; the listing would never end`);
    if (pages >= MAX_PAGES) throw new PagingError(`the listing did not end after ${MAX_PAGES} pages of ${PAGE_SIZE}; stopped`);
    seen.add(nextToken);
  }
}

/** A token as a message shows it: the service chose its length and content. */
function shortToken(token: string): string {
  return JSON.stringify(token.length > 24 ? `${token.slice(0, 23)}…` : token);
}
