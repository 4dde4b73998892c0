// asl-validator ships no types; this is the part the tests use (its README documents the result).
declare module 'asl-validator' {
  interface ValidationResult {
    isValid: boolean;
    errors: unknown[];
  }

  /** Checks an Amazon States Language definition; it adds default fields to what it is given, so pass a copy. */
  export default function validateAsl(definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }): ValidationResult;
}
