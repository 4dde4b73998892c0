import { RR001 } from './RR001';
import { RR002 } from './RR002';
import { RR003 } from './RR003';
import { RR004 } from './RR004';
import { RR005 } from './RR005';
import { RR006 } from './RR006';
import { RR101 } from './RR101';
import { RR102 } from './RR102';

/** Route and route response rules (RR), keyed by id; the registry checks each key against its rule. */
export const routeResponseRules = { RR001, RR002, RR003, RR004, RR005, RR006, RR101, RR102 };
