/** Route and route response rules (RR), keyed by id; the registry checks each key against its rule. */
export const routeResponseRules = {};
