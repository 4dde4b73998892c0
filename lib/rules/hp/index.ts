import { HP001 } from './HP001';
import { HP002 } from './HP002';
import { HP004 } from './HP004';
import { HP005 } from './HP005';
import { HP006 } from './HP006';
import { HP007 } from './HP007';
import { HP008 } from './HP008';
import { HP009 } from './HP009';

/** HTTP API response mapping and integration rules (HP), keyed by id; the registry checks each key against its rule. */
export const httpApiRules = { HP001, HP002, HP004, HP005, HP006, HP007, HP008, HP009 };
