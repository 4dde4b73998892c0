import { SEC001 } from './SEC001';
import { SEC002 } from './SEC002';
import { SEC003 } from './SEC003';
import { SEC004 } from './SEC004';
import { SEC005 } from './SEC005';
import { SEC006 } from './SEC006';
import { SEC007 } from './SEC007';
import { SEC008 } from './SEC008';
import { SEC009 } from './SEC009';

/** Security heuristics on response mappings and templates (SEC), keyed by id; the registry checks each key against its rule. */
export const securityRules = { SEC001, SEC002, SEC003, SEC004, SEC005, SEC006, SEC007, SEC008, SEC009 };
