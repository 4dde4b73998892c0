/**
 * A WebSocket integration response parameter key: `method.response.header.` followed by an
 * RFC 9110 token (the characters a header name may have). The group captures the header name.
 */
export const RESPONSE_HEADER_KEY = /^method\.response\.header\.([!#$%&'*+\-.^_`|~0-9A-Za-z]+)$/;
