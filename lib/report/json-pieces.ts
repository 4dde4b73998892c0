import { escapeRawInJson } from './escape';

/**
 * `JSON.stringify(value, null, 2)` and a newline, as pieces of about a megabyte that join to
 * exactly that text. A report of a million findings is longer than the longest string V8 can
 * hold (about 512 MB), so the JSON and SARIF reports are written piece by piece: objects and
 * arrays are opened here, and each array item is stringified on its own.
 */
const PIECE_CHARS = 1024 * 1024;

export function jsonPieces(value: unknown): string[] {
  const pieces: string[] = [];
  let current = '';
  const emit = (text: string) => {
    current += text;
    if (current.length >= PIECE_CHARS) {
      pieces.push(current);
      current = '';
    }
  };
  write(value, '', emit);
  emit('\n');
  if (current !== '') pieces.push(current);
  return pieces;
}

function write(value: unknown, indent: string, emit: (text: string) => void): void {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length > 0) {
    emit('[\n');
    value.forEach((item, index) => {
      emit(inner);
      // An array holds undefined as null, as JSON.stringify writes it.
      writeItem(item === undefined ? null : item, inner, emit);
      emit(index < value.length - 1 ? ',\n' : '\n');
    });
    emit(`${indent}]`);
    return;
  }
  if (isPlainObject(value)) {
    // JSON.stringify leaves out keys whose value is undefined (or a function).
    const entries = Object.entries(value).filter(([, child]) => child !== undefined && typeof child !== 'function');
    if (entries.length === 0) return emit('{}');
    emit('{\n');
    entries.forEach(([key, child], index) => {
      emit(`${inner}${escapeRawInJson(JSON.stringify(key))}: `);
      writeItem(child, inner, emit);
      emit(index < entries.length - 1 ? ',\n' : '\n');
    });
    emit(`${indent}}`);
    return;
  }
  writeItem(value, indent, emit);
}

/** Containers are opened further; anything else is one JSON.stringify, indented where it sits. */
function writeItem(value: unknown, indent: string, emit: (text: string) => void): void {
  if ((Array.isArray(value) && value.length > 0) || isPlainObject(value)) return write(value, indent, emit);
  // JSON text has no raw newline inside a string, so every newline is between tokens.
  emit(escapeRawInJson(JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${indent}`));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  // Anything with toJSON (a Date) is left to JSON.stringify.
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}
