import { WS001 } from './WS001';
import { WS002 } from './WS002';

/** WebSocket API and integration rules (WS), keyed by id; the registry checks each key against its rule. */
export const webSocketApiRules = { WS001, WS002 };
