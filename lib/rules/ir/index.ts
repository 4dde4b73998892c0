import { IR004 } from './IR004';
import { IR014 } from './IR014';

/** Integration response rules (IR), keyed by id; the registry checks each key against its rule. */
export const integrationResponseRules = { IR004, IR014 };
