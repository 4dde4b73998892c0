/**
 * The headers HTTP API parameter mapping may not touch ("You can't configure request or
 * response mappings for these headers", http-api-parameter-mapping.html), verbatim; an entry
 * ending in `*` is a prefix.
 */
const RESERVED_HEADERS = [
  'access-control-*',
  'apigw-*',
  'Authorization',
  'Connection',
  'Content-Encoding',
  'Content-Length',
  'Content-Location',
  'Forwarded',
  'Keep-Alive',
  'Origin',
  'Proxy-Authenticate',
  'Proxy-Authorization',
  'TE',
  'Trailers',
  'Transfer-Encoding',
  'Upgrade',
  'x-amz-*',
  'x-amzn-*',
  'X-Forwarded-For',
  'X-Forwarded-Host',
  'X-Forwarded-Proto',
  'Via',
] as const;

/**
 * The reserved-list entry a header name falls under (compared case-insensitively, as header
 * names are), e.g. `x-amz-*` for `X-Amz-Date`; undefined when the header may be mapped.
 */
export function reservedHeaderEntry(header: string): string | undefined {
  const name = header.toLowerCase();
  return RESERVED_HEADERS.find((entry) => {
    const lower = entry.toLowerCase();
    return lower.endsWith('*') ? name.startsWith(lower.slice(0, -1)) : name === lower;
  });
}
