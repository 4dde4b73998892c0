import { Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';
import { IacError } from '../iac-error';
import type { Position } from '../source-map';
import { subPlaceholders } from './sub-placeholders';

/** Pseudo parameters whose values hold no `:`, `/` or whitespace (an ARN field, a domain): see Unresolved.token. */
const TOKEN_PSEUDO_PARAMETERS = new Set(['AWS::AccountId', 'AWS::Partition', 'AWS::Region', 'AWS::StackName', 'AWS::URLSuffix']);

/** `!Ref AWS::NoValue`: the property or list item is left out, as if it were not written. */
const NO_VALUE = Symbol('AWS::NoValue');

type TemplatePath = readonly (string | number)[];

export interface TemplateContext {
  file: string;
  parameters: Record<string, unknown>;
  mappings: Record<string, unknown>;
  conditions: Record<string, unknown>;
  resources: Record<string, unknown>;
  positionOf(path: TemplatePath): Position | undefined;
  /** What `Ref` returns for a resource the scan models (its snapshot id), else undefined (unknown until deployed). */
  refOf(logicalId: string): string | undefined;
  /**
   * What `Fn::GetAtt` returns for an attribute the scan knows (`ApiId` of an API it models, an
   * output of a nested stack it read), else undefined.
   */
  attributeOf(logicalId: string, attribute: string): unknown;
  /** For a nested stack: the value its parent passes for a parameter, undefined when none (the Default applies). */
  givenParameter?: (name: string) => unknown;
  /**
   * Whether the template is transformed (SAM) and may refer to resources the transform
   * generates (`ServerlessHttpApi`, `MyFunctionRole`): a `!Ref` to an undeclared name is then
   * unknown rather than an error.
   */
  transformed: boolean;
}

/**
 * Evaluates CloudFormation's intrinsic functions as far as the template alone allows:
 * parameters with a Default, mappings, conditions, and references to the API Gateway resources
 * of the template. Whatever depends on a deployment (`!GetAtt Function.Arn`, `!ImportValue`,
 * pseudo parameters such as AWS::Region) becomes an Unresolved value, never a guess.
 */
export class IntrinsicResolver {
  private readonly conditionValues = new Map<string, boolean | Unresolved>();
  private readonly conditionStack: string[] = [];

  constructor(private readonly template: TemplateContext) {}

  /** The value with every intrinsic function evaluated; NO_VALUE when the whole value is `!Ref AWS::NoValue`. */
  resolve(value: unknown, path: TemplatePath): unknown {
    if (Array.isArray(value)) return value.map((item, index) => this.resolve(item, [...path, index])).filter((item) => item !== NO_VALUE);
    if (!isPlainObject(value)) return value;
    const call = intrinsicCall(value);
    if (call !== undefined) return this.call(call.name, call.argument, [...path, call.name]);
    const object: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = this.resolve(item, [...path, key]);
      if (resolved !== NO_VALUE) object[key] = resolved;
    }
    return object;
  }

  /** Whether a named condition holds; Unresolved when it depends on something unknown. */
  condition(name: string, path: TemplatePath): boolean | Unresolved {
    const known = this.conditionValues.get(name);
    if (known !== undefined) return known;
    const definitionPath = ['Conditions', name];
    if (!(name in this.template.conditions)) this.fail(`condition "${name}" is not defined in Conditions`, path);
    const start = this.conditionStack.indexOf(name);
    if (start >= 0) this.fail(`reference cycle between conditions: ${[...this.conditionStack.slice(start), name].join(' -> ')}`, definitionPath);
    this.conditionStack.push(name);
    try {
      const value = this.conditionValue(this.template.conditions[name], definitionPath);
      this.conditionValues.set(name, value);
      return value;
    } finally {
      this.conditionStack.pop();
    }
  }

  private conditionValue(expression: unknown, path: TemplatePath): boolean | Unresolved {
    const call = isPlainObject(expression) ? intrinsicCall(expression) : undefined;
    if (call === undefined) {
      if (expression === true || expression === 'true') return true;
      if (expression === false || expression === 'false') return false;
      return new Unresolved(`condition ${describe(expression)}`);
    }
    const inner = [...path, call.name];
    const operands = Array.isArray(call.argument) ? call.argument : [call.argument];
    switch (call.name) {
      case 'Condition':
        return typeof call.argument === 'string' ? this.condition(call.argument, inner) : new Unresolved(describe(expression));
      case 'Fn::Equals': {
        const [a, b] = operands.map((operand, index) => this.resolve(operand, [...inner, index]));
        if (a instanceof Unresolved) return a;
        if (b instanceof Unresolved) return b;
        return JSON.stringify(a) === JSON.stringify(b) || String(a) === String(b);
      }
      case 'Fn::Not': {
        const value = this.conditionValue(operands[0], [...inner, 0]);
        return value instanceof Unresolved ? value : !value;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        const decisive = call.name === 'Fn::Or';
        const values = operands.map((operand, index) => this.conditionValue(operand, [...inner, index]));
        if (values.includes(decisive)) return decisive;
        return values.find((value): value is Unresolved => value instanceof Unresolved) ?? !decisive;
      }
      default:
        return new Unresolved(describe(expression));
    }
  }

  private call(name: string, argument: unknown, path: TemplatePath): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(argument, path);
      case 'Fn::GetAtt':
        return this.getAtt(argument, path);
      case 'Fn::Sub':
        return this.sub(argument, path);
      case 'Fn::Join':
        return this.join(argument, path);
      case 'Fn::Select': {
        const [index, list] = this.operands(argument, 2, name, path);
        if (index instanceof Unresolved) return index;
        if (list instanceof Unresolved) return list;
        if (!Array.isArray(list) || list[Number(index)] === undefined) this.fail(`!Select index ${describe(index)} is outside the list ${describe(list)}`, path);
        return list[Number(index)];
      }
      case 'Fn::Split': {
        const [delimiter, source] = this.operands(argument, 2, name, path);
        if (source instanceof Unresolved) return source;
        return String(source).split(String(delimiter));
      }
      case 'Fn::FindInMap':
        return this.findInMap(argument, path);
      case 'Fn::If':
        return this.fnIf(argument, path);
      case 'Fn::Base64': {
        const source = this.resolve(argument, path);
        return source instanceof Unresolved ? source : Buffer.from(String(source), 'utf8').toString('base64');
      }
      case 'Fn::Length': {
        const list = this.resolve(argument, path);
        return Array.isArray(list) ? String(list.length) : new Unresolved(describe({ [name]: argument }));
      }
      case 'Fn::ToJsonString': {
        const source = this.resolve(argument, path);
        return containsUnresolved(source) ? new Unresolved(describe({ [name]: argument })) : JSON.stringify(source);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
      case 'Condition':
        return this.conditionValue({ [name]: argument }, path.slice(0, -1));
      default:
        // Fn::ImportValue, Fn::GetAZs, Fn::Cidr, Fn::Transform and anything newer: known only when deployed.
        return new Unresolved(describe({ [name]: argument }));
    }
  }

  private ref(argument: unknown, path: TemplatePath): unknown {
    const name = this.resolve(argument, path);
    if (typeof name !== 'string') return new Unresolved(`!Ref ${describe(name)}`);
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name.startsWith('AWS::')) return new Unresolved(`!Ref ${name} (a pseudo parameter, known when deployed)`, TOKEN_PSEUDO_PARAMETERS.has(name));
    if (name in this.template.parameters) return this.parameter(name);
    if (name in this.template.resources) return this.template.refOf(name) ?? new Unresolved(`!Ref ${name} (${typeOf(this.template.resources[name])}'s id, known when deployed)`);
    if (this.template.transformed) return new Unresolved(`!Ref ${name} (a resource the transform generates)`);
    return this.fail(`!Ref ${name}: no parameter or resource has this name`, path);
  }

  /** The value a nested stack's parent passes, else the Default; an unknown value stays unknown (and keeps its known text). */
  private parameter(name: string): unknown {
    const declaration = this.template.parameters[name];
    const type = isPlainObject(declaration) ? String(declaration['Type'] ?? 'String') : 'String';
    const value = this.template.givenParameter?.(name) ?? (isPlainObject(declaration) ? declaration['Default'] : undefined);
    if (type.startsWith('AWS::SSM::Parameter::Value')) return new Unresolved(`!Ref ${name} (the value of an SSM parameter)`);
    if (value === undefined || value === null) return new Unresolved(`!Ref ${name} (a parameter without a Default)`);
    if (value instanceof Unresolved) return value;
    const list = type === 'CommaDelimitedList' || type.startsWith('List<');
    if (list && Array.isArray(value)) return value;
    // CloudFormation passes a nested stack's parameters as strings: a map or list is not one.
    if (typeof value === 'object') return new Unresolved(`!Ref ${name} (given ${describe(value)}, which is not a string)`);
    if (list) return String(value).split(',').map((item) => item.trim());
    return typeof value === 'string' ? value : String(value);
  }

  private getAtt(argument: unknown, path: TemplatePath): unknown {
    const parts = this.resolve(argument, path);
    const dot = typeof parts === 'string' ? parts.indexOf('.') : -1;
    const [logicalId, attribute] = Array.isArray(parts) ? parts : typeof parts === 'string' && dot > 0 ? [parts.slice(0, dot), parts.slice(dot + 1)] : [];
    if (typeof logicalId !== 'string' || typeof attribute !== 'string') return new Unresolved(`!GetAtt ${describe(parts)}`);
    if (!(logicalId in this.template.resources) && !this.template.transformed) this.fail(`!GetAtt ${logicalId}.${attribute}: no resource has this name`, path);
    return this.template.attributeOf(logicalId, attribute) ?? new Unresolved(`!GetAtt ${logicalId}.${attribute} (known when deployed)`);
  }

  /** A `!Sub` with unknown variables keeps its known text (see Unresolved.text). */
  private sub(argument: unknown, path: TemplatePath): unknown {
    const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
    const text = this.resolve(template, [...path, 0]);
    if (typeof text !== 'string') return text instanceof Unresolved ? text : new Unresolved(`!Sub ${describe(argument)}`);
    const values = isPlainObject(variables) ? (this.resolve(variables, [...path, 1]) as Record<string, unknown>) : {};
    const pieces: (string | Unresolved)[] = [];
    let unresolved: Unresolved | undefined;
    let last = 0;
    for (const { index, end, name } of subPlaceholders(text)) {
      pieces.push(text.slice(last, index));
      last = end;
      if (name.startsWith('!')) {
        pieces.push(`\${${name.slice(1)}}`);
        continue;
      }
      const value = name in values ? values[name] : name.includes('.') && !name.startsWith('AWS::') ? this.getAtt(name, path) : this.ref(name, path);
      const piece = typeof value === 'string' || value instanceof Unresolved ? value : new Unresolved(`\${${name}} is not a string`);
      if (piece instanceof Unresolved) unresolved ??= piece;
      pieces.push(piece);
    }
    pieces.push(text.slice(last));
    return unresolved === undefined ? pieces.join('') : Unresolved.text(`!Sub ${JSON.stringify(text)}: ${unresolved.reason}`, pieces);
  }

  private join(argument: unknown, path: TemplatePath): unknown {
    const [delimiter, list] = this.operands(argument, 2, 'Fn::Join', path);
    if (list instanceof Unresolved) return list;
    if (!Array.isArray(list)) return new Unresolved(`!Join ${describe(argument)}`);
    // A map or list in the list is not text CloudFormation would join: unknown, not "[object Object]".
    const piece = (item: unknown): string | Unresolved => (item instanceof Unresolved ? item : typeof item === 'object' && item !== null ? new Unresolved(describe(item)) : String(item));
    const pieces = list.flatMap((item, index) => [...(index === 0 ? [] : [String(delimiter)]), piece(item)]);
    const unresolved = pieces.find((item): item is Unresolved => item instanceof Unresolved);
    return unresolved === undefined ? pieces.join('') : Unresolved.text(`!Join ${describe(argument)}: ${unresolved.reason}`, pieces);
  }

  private findInMap(argument: unknown, path: TemplatePath): unknown {
    const [mapName, topKey, secondKey, options] = this.resolve(argument, path) as unknown[];
    const unresolved = [mapName, topKey, secondKey].find((key): key is Unresolved => key instanceof Unresolved);
    if (unresolved !== undefined) return new Unresolved(`!FindInMap ${describe(argument)}: ${unresolved.reason}`);
    const map = this.template.mappings[String(mapName)];
    const top = isPlainObject(map) ? map[String(topKey)] : undefined;
    const value = isPlainObject(top) ? top[String(secondKey)] : undefined;
    if (value !== undefined) return value;
    if (isPlainObject(options) && 'DefaultValue' in options) return options['DefaultValue'];
    return this.fail(`!FindInMap ${describe([mapName, topKey, secondKey])}: Mappings has no such entry`, path);
  }

  private fnIf(argument: unknown, path: TemplatePath): unknown {
    if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') this.fail('!If takes [condition name, value if true, value if false]', path);
    const [name, whenTrue, whenFalse] = argument as [string, unknown, unknown];
    const holds = this.condition(name, path);
    if (holds === true) return this.resolve(whenTrue, [...path, 1]);
    if (holds === false) return this.resolve(whenFalse, [...path, 2]);
    const [a, b] = [this.resolve(whenTrue, [...path, 1]), this.resolve(whenFalse, [...path, 2])];
    return JSON.stringify(a) === JSON.stringify(b) && a !== NO_VALUE ? a : new Unresolved(`!If [${name}, ...] (condition ${name} depends on ${holds.reason})`);
  }

  private operands(argument: unknown, count: number, name: string, path: TemplatePath): unknown[] {
    const resolved = this.resolve(argument, path);
    if (!Array.isArray(resolved) || resolved.length !== count) this.fail(`!${name.replace('Fn::', '')} takes a list of ${count} items`, path);
    return resolved as unknown[];
  }

  private fail(message: string, path: TemplatePath): never {
    throw new IacError(this.template.file, message, this.nearestPosition(path));
  }

  private nearestPosition(path: TemplatePath): Position | undefined {
    for (let length = path.length; length > 0; length -= 1) {
      const position = this.template.positionOf(path.slice(0, length));
      if (position !== undefined) return position;
    }
    return undefined;
  }
}

/** `{"Ref": X}` or `{"Fn::Name": X}` (a one-key object whose key names an intrinsic function). */
export function intrinsicCall(value: Record<string, unknown>): { name: string; argument: unknown } | undefined {
  const keys = Object.keys(value);
  const [name] = keys;
  if (keys.length !== 1 || name === undefined || !(name === 'Ref' || name === 'Condition' || name.startsWith('Fn::'))) return undefined;
  return { name, argument: value[name] };
}

function containsUnresolved(value: unknown): boolean {
  if (value instanceof Unresolved) return true;
  if (Array.isArray(value)) return value.some(containsUnresolved);
  return isPlainObject(value) && Object.values(value).some(containsUnresolved);
}

function typeOf(resource: unknown): string {
  return isPlainObject(resource) ? String(resource['Type'] ?? 'resource') : 'resource';
}

/** An intrinsic in its short form, shortened, for messages: `!GetAtt Handler.Arn`, `!ImportValue "shared-api"`. */
function describe(value: unknown): string {
  if (isPlainObject(value)) {
    const call = intrinsicCall(value);
    if (call?.name === 'Ref' && typeof call.argument === 'string') return `!Ref ${call.argument}`;
    if (call?.name === 'Fn::GetAtt' && Array.isArray(call.argument)) return `!GetAtt ${call.argument.map(String).join('.')}`;
    if (call !== undefined) return shorten(`!${call.name.replace('Fn::', '')} ${JSON.stringify(call.argument)}`);
  }
  return shorten(value instanceof Unresolved ? value.reason : (JSON.stringify(value) ?? String(value)));
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
