import { didYouMean } from '../../model/closest-name';
import type { Position } from '../source-map';
import { parseJsonTemplate } from './json-template';
import { parseYamlTemplate, TagError } from './yaml-template';

/**
 * The short forms of the intrinsic functions (CloudFormation "Intrinsic function reference").
 * `!Ref` and `!Condition` stand for `Ref` and `Condition`; every other `!Name` for `Fn::Name`.
 */
const SHORT_TAGS: ReadonlySet<string> = new Set([
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'If', 'Select', 'FindInMap', 'ImportValue', 'Base64', 'Equals', 'And',
  'Or', 'Not', 'Split', 'GetAZs', 'Cidr', 'Length', 'ToJsonString', 'Transform',
]);

export interface TemplateSource {
  /** The template as JSON-like values, short tags in their long form (`{"Fn::Sub": ...}`). */
  value: unknown;
  /** Where each map entry (its key) and list item is written, by path from the document root. */
  positionOf(path: readonly (string | number)[]): Position | undefined;
}

/**
 * Parses a CloudFormation template (or a Terraform plan) written in JSON or YAML. JSON is read
 * with `JSON.parse`; text that is not JSON, YAML included, by the YAML reader. Both record
 * positions, reject duplicate keys and nesting deeper than MAX_NESTING, and keep the text of
 * numbers (the readers turn the few numeric properties back into numbers).
 */
export function parseTemplate(text: string, file: string): TemplateSource {
  const json = text.trimStart().startsWith('{') ? parseJsonTemplate(text, file) : undefined;
  if (json !== undefined) return json;
  const yaml = parseYamlTemplate(text, file, intrinsicFromTag);
  return { value: yaml.value, positionOf: (path) => yaml.offsets.positionOf(yaml.value, path) };
}

/** `!Ref X` -> `{"Ref": "X"}`, `!GetAtt A.B` -> `{"Fn::GetAtt": ["A", "B"]}`, `!Sub ...` -> `{"Fn::Sub": ...}`. */
function intrinsicFromTag(tag: string, value: unknown): unknown {
  const short = tag.slice(1);
  if (!tag.startsWith('!') || !SHORT_TAGS.has(short)) {
    const tags = [...SHORT_TAGS].map((name) => `!${name}`);
    throw new TagError(`unknown tag ${tag}${didYouMean(tag, tags, '')}; CloudFormation's short forms are ${tags.join(', ')}`);
  }
  const name = short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`;
  if (short === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [name]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [name]: value };
}
