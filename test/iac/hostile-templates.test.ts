import { parseTemplate } from '../../lib/iac/cloudformation/template-source';
import { MAX_NESTING } from '../../lib/iac/cloudformation/nesting-limit';
import { MAX_ALIAS_VALUES } from '../../lib/iac/cloudformation/yaml-template';
import { IacError } from '../../lib/iac/iac-error';
import { readCloudFormation } from '../../lib/iac/cloudformation/read-template';

/** The error parseTemplate throws for `text`, as `file:line:column: message`. */
function errorOf(text: string): string {
  try {
    parseTemplate(text, 'template.yaml');
  } catch (error) {
    if (error instanceof IacError) return error.message;
    throw error;
  }
  throw new Error('parsed without an error');
}

/** The classic "billion laughs": nine levels of nine aliases each, 10^9 values in under 800 bytes. */
const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((name, index) => {
    const previous = 'abcdefgh'[index]!;
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
  }))
  .join('\n');

describe('templates built to exhaust the reader end quickly with an error naming the file and line', () => {
  test('a YAML billion laughs of under 800 bytes', () => {
    expect(BILLION_LAUGHS.length).toBeLessThan(800);
    expect(errorOf(BILLION_LAUGHS)).toMatch(new RegExp(`^template\\.yaml:\\d+:\\d+: aliases expand to more than ${MAX_ALIAS_VALUES} values`));
  });

  test('an alias inside the node it names', () => {
    expect(errorOf('Resources: &r\n  A: *r\n')).toBe('template.yaml:2:6: alias *r is inside the node &r it names, so it would never end');
    expect(errorOf('a: &a [*a]\n')).toMatch(/alias \*a is inside the node &a/);
  });

  test('a key that is not a plain value (a collection, an alias, a tagged scalar)', () => {
    expect(errorOf('? [a, b]\n: value\n')).toMatch(/^template\.yaml:1:\d+: a mapping key that is not a plain value$/);
    expect(errorOf('a: &k x\n*k : y\n')).toMatch(/a mapping key that is not a plain value$/);
    expect(errorOf('!Ref a: y\n')).toMatch(/a mapping key that is not a plain value$/);
  });

  test('an alias to no anchor', () => {
    expect(errorOf('a: *nothing\n')).toMatch(/^template\.yaml:1:\d+: (not valid YAML or JSON: .*nothing|alias \*nothing names no anchor)/);
  });

  test('nesting deeper than the limit, in YAML, in JSON and through aliases', () => {
    const deep = (open: string, close: string) => `${open.repeat(MAX_NESTING + 5)}${close.repeat(MAX_NESTING + 5)}`;
    expect(errorOf(`a: ${deep('[', ']')}`)).toMatch(/^template\.yaml:1:\d+: not valid YAML or JSON: .*maxDepth/);
    expect(errorOf(`{"a": ${deep('[', ']')}}`)).toMatch(/^template\.yaml:1:\d+: nested deeper than 100 levels$/);
    const half = Math.ceil(MAX_NESTING / 2) + 2;
    expect(errorOf(`a: &a ${'['.repeat(half)}${']'.repeat(half)}\nb: ${'['.repeat(half)}*a${']'.repeat(half)}`)).toMatch(/nested deeper than 100 levels through aliases/);
  });

  test('a duplicate key, in YAML and in JSON (JSON.parse alone would keep the last)', () => {
    expect(errorOf('Resources:\n  A: {Type: x}\n  A: {Type: y}\n')).toBe('template.yaml:3:3: duplicate key "A"');
    expect(errorOf('{"Resources": {"A": {"Type": "x"},\n "A": {"Type": "y"}}}')).toBe('template.yaml:2:2: duplicate key "A"');
  });

  test('aliases within the limit share the anchored value', () => {
    const { value } = parseTemplate('defaults: &d {Type: x}\nResources:\n  A: *d\n  B: *d\n', 't.yaml');
    expect(value).toEqual({ defaults: { Type: 'x' }, Resources: { A: { Type: 'x' }, B: { Type: 'x' } } });
  });
});

describe('JSON templates are read with JSON.parse and keep what the YAML reader keeps', () => {
  test('numbers keep their text, booleans and null stay, __proto__ is a plain key', () => {
    const { value } = parseTemplate('{"a": 1.0, "b": [2, -3e2, true, null], "__proto__": {"x": 1}}', 't.json');
    expect(value).toEqual(JSON.parse('{"a": "1.0", "b": ["2", "-3e2", true, null], "__proto__": {"x": "1"}}'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    const yaml = parseTemplate('a: 1.0\nb: [2, -3e2, true, null, ~, "4"]\n__proto__: {x: 1}\n', 't.yaml').value;
    expect(yaml).toEqual(JSON.parse('{"a": "1.0", "b": ["2", "-3e2", true, null, null, "4"], "__proto__": {"x": "1"}}'));
  });

  test('numbers deep inside a resource keep their text too', () => {
    const { value } = parseTemplate('{"Resources": {"A": {"Properties": {"L": [{"x": 1.50}, 2e1, [true, -0]], "M": {"n": {"m": 10}}}}}}', 't.json');
    expect(value).toEqual({ Resources: { A: { Properties: { L: [{ x: '1.50' }, '2e1', [true, '-0']], M: { n: { m: '10' } } } } } });
  });

  test('a duplicate key deep down, after a nested object, and in an object of many keys', () => {
    expect(errorOf('{"Resources": {"A": {"Properties": {"P": {"k": {"x": 1}, "j": 2,\n "k": 3}}}}}')).toBe('template.yaml:2:2: duplicate key "k"');
    const many = Array.from({ length: 30 }, (_, index) => `"k${index}": {"v": ${index}}`).join(', ');
    expect(errorOf(`{"Resources": {${many},\n "k3": 1}}`)).toBe('template.yaml:2:2: duplicate key "k3"');
    expect(errorOf(`{"Resources": {"A": {"Properties": {${many}, "k29": 1}}}}`)).toMatch(/^template\.yaml:1:\d+: duplicate key "k29"$/);
  });

  test('positions of keys and list items, also deep inside a resource and in escaped keys', () => {
    const text = '{\n  "Resources": {\n    "Api": {\n      "Type": "AWS::ApiGatewayV2::Api",\n      "Properties": {"Tags": {"a\\"b": "1"}, "List": [ "x", {"y": 2} ]}\n    }\n  }\n}';
    const source = parseTemplate(text, 't.json');
    expect(source.positionOf(['Resources', 'Api'])).toEqual({ line: 3, column: 5 });
    expect(source.positionOf(['Resources', 'Api', 'Properties'])).toEqual({ line: 5, column: 7 });
    expect(source.positionOf(['Resources', 'Api', 'Properties', 'Tags', 'a"b'])).toEqual({ line: 5, column: 31 });
    expect(source.positionOf(['Resources', 'Api', 'Properties', 'List', 1, 'y'])).toEqual({ line: 5, column: 61 });
    expect(source.positionOf(['Resources', 'Nothing'])).toBeUndefined();
  });

  test('text that is not JSON but starts with { is read as YAML (a flow mapping)', () => {
    expect(parseTemplate('{Resources: {A: !Ref B}}', 't.yaml').value).toEqual({ Resources: { A: { Ref: 'B' } } });
  });
});

describe('resources built to break the reader', () => {
  test('a chain of thousands of DependsOn is followed without recursion, and a type named like an Object method is not read', () => {
    const chain = Object.fromEntries(Array.from({ length: 20_000 }, (_, index) => [`R${index}`, { Type: 'AWS::SNS::Topic', DependsOn: index + 1 < 20_000 ? `R${index + 1}` : 'Api' }]));
    const template = { Resources: { Api: { Type: 'AWS::ApiGatewayV2::Api', DependsOn: 'R0', Properties: { ProtocolType: 'WEBSOCKET' } }, ...chain, Odd: { Type: 'constructor' } } };
    expect(() => readCloudFormation(JSON.stringify(template), 'chain.json')).toThrow(/^chain\.json:1:\d+: reference cycle between resources: Api -> R0 -> R1 -> .* -> R19999 -> Api/);
    delete (template.Resources as Record<string, unknown>)['R19999'];
    expect(readCloudFormation(JSON.stringify(template), 'chain.json').resources.map((resource) => resource.id)).toEqual(['Api']);
  });
});
