import { HP001 } from './HP001';
import { HP002 } from './HP002';
import { HP003 } from './HP003';
import { HP004 } from './HP004';
import { HP005 } from './HP005';
import { HP006 } from './HP006';
import { HP007 } from './HP007';
import { HP008 } from './HP008';
import { HP009 } from './HP009';
import { HP101 } from './HP101';
import { HP102 } from './HP102';
import { HP103 } from './HP103';
import { HP104 } from './HP104';
import { HP105 } from './HP105';
import { HP106 } from './HP106';
import { HP107 } from './HP107';
import { HP108 } from './HP108';
import { HP109 } from './HP109';

/** HTTP API response mapping and integration rules (HP), keyed by id; the registry checks each key against its rule. */
export const httpApiRules = { HP001, HP002, HP003, HP004, HP005, HP006, HP007, HP008, HP009, HP101, HP102, HP103, HP104, HP105, HP106, HP107, HP108, HP109 };
