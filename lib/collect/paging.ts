/**
 * Page size for every list call. The model types MaxResults as a string and documents no
 * maximum for API Gateway V2 (aws-facts.md 1.1: unsourced). Every page costs one token of a
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
 * Reads every page of one list call (the SDK has no paginators for GetApis, GetIntegrations,
 * GetIntegrationResponses, GetRoutes, GetRouteResponses). `Items` may be absent; `NextToken`
 * is absent or empty on the last page.
 */
export async function listAll<T>(fetchPage: (request: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken === undefined ? { MaxResults: PAGE_SIZE } : { MaxResults: PAGE_SIZE, NextToken: nextToken });
    items.push(...(page.Items ?? []));
    // A service (or emulator) that hands back the token it was given would loop forever.
    if (page.NextToken && page.NextToken === nextToken) throw new Error(`the service returned the same NextToken twice ("${nextToken}")`);
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
  return items;
}
