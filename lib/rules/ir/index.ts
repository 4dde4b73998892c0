import { IR001 } from './IR001';
import { IR002 } from './IR002';
import { IR003 } from './IR003';
import { IR004 } from './IR004';
import { IR005 } from './IR005';
import { IR006 } from './IR006';
import { IR007 } from './IR007';
import { IR008 } from './IR008';
import { IR009 } from './IR009';
import { IR010 } from './IR010';
import { IR011 } from './IR011';
import { IR012 } from './IR012';
import { IR013 } from './IR013';
import { IR014 } from './IR014';
import { IR015 } from './IR015';

/** Integration response rules (IR), keyed by id; the registry checks each key against its rule. */
export const integrationResponseRules = { IR001, IR002, IR003, IR004, IR005, IR006, IR007, IR008, IR009, IR010, IR011, IR012, IR013, IR014, IR015 };
