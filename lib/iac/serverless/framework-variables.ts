import { Unresolved } from '../../model/unresolved';
import { isPlainObject } from '../../rules/values';

/**
 * The variable sources of the Serverless Framework (v3): `${self:custom.x}`, `${opt:stage}`,
 * `${file(./x.yml):y}`, ... It resolves them before CloudFormation sees the template, so a
 * scan of serverless.yml does not know them. `${AWS::Region}` and other CloudFormation
 * variables of `Fn::Sub` are not among them.
 */
const VARIABLE = /\$\{(?:self|opt|env|sls|file|cf|s3|ssm|aws|param|strToBool|git)[:(][^${}]*\}/g;
const VARIABLE_START = /\$\{(?:self|opt|env|sls|file|cf|s3|ssm|aws|param|strToBool|git)[:(]/;

/**
 * A string holding a variable of any source, a plugin's own (`${bref:layer.php-74}`) included:
 * where the service's structure is expected (its functions, their events, its resources), such
 * a value stands for configuration the scan cannot see.
 */
export function holdsVariable(value: unknown): value is string {
  // `/\$\{[^}]*\}/` found with indexOf: the expression retried from every `${` of a string of
  // thousands of them without a `}` (quadratic: 35 s for 200 KB). A `}` after the first `${` is the same test.
  if (typeof value !== 'string') return false;
  const start = value.indexOf('${');
  return start >= 0 && value.includes('}', start + 2);
}

/** Every string with a framework variable becomes a partial value (a nested variable: wholly unknown). */
export function withVariablesUnresolved(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    const pieces: (string | Unresolved)[] = [];
    let last = 0;
    for (const match of value.matchAll(VARIABLE)) {
      pieces.push(value.slice(last, match.index), new Unresolved(`${match[0]} (a Serverless Framework variable, resolved when packaged)`));
      last = match.index + match[0].length;
    }
    pieces.push(value.slice(last));
    if (last === 0) return value;
    const rest = pieces.filter((piece): piece is string => typeof piece === 'string').join('');
    if (VARIABLE_START.test(rest)) return new Unresolved(`${JSON.stringify(value)} (nested Serverless Framework variables)`);
    return Unresolved.text(`${JSON.stringify(value)} (Serverless Framework variables, resolved when packaged)`, pieces);
  }
  if (Array.isArray(value)) return value.map(withVariablesUnresolved);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withVariablesUnresolved(item)]));
  return value;
}
