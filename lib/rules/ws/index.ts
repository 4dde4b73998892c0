/** WebSocket API and integration rules (WS), keyed by id; the registry checks each key against its rule. */
export const webSocketApiRules = {};
