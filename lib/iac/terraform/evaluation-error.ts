import { Unresolved } from '../../model/unresolved';

/**
 * A value Terraform itself would fail to evaluate: an attribute its object does not have, an
 * index that is null, a function given the wrong kind of value. Inside `try()` the next
 * argument is taken and `can()` is false, as in Terraform; anywhere else it is an Unresolved
 * value like any other (the scan never guesses what the configuration meant).
 */
export class EvaluationError extends Unresolved {}

export function isEvaluationError(value: unknown): value is EvaluationError {
  return value instanceof EvaluationError;
}
