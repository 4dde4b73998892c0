import type { Position } from '../source-map';

/**
 * Where things are written in a `.tf` file. hcl2json gives the values but no positions, so
 * this scanner walks the text once and records each block, attribute and object key with its
 * line and column, nested as written. It only needs to find names, so it skips expressions,
 * strings (with `${...}` inside), heredocs and comments without interpreting them; a file it
 * misreads gets coarser locations (the resource instead of the property), never wrong values.
 */
export interface HclEntry {
  /** The attribute or block type name, or an object key. */
  name: string;
  /** A block's labels, e.g. `["aws_apigatewayv2_route", "connect"]`. */
  labels: string[];
  position: Position;
  /** The body of a block, or the entries of an object written as the value. */
  children: HclEntry[];
}

export function scanHclPositions(text: string): HclEntry[] {
  return new Scanner(text).body(undefined);
}

class Scanner {
  private offset = 0;
  private line = 1;
  private column = 1;

  constructor(private readonly text: string) {}

  /** Entries up to `close` (or the end of the text). */
  body(close: '}' | undefined): HclEntry[] {
    const entries: HclEntry[] = [];
    for (;;) {
      this.skipSpace(true);
      const char = this.peek();
      if (char === undefined) return entries;
      if (char === close) {
        this.advance();
        return entries;
      }
      if (char === ',') {
        this.advance();
        continue;
      }
      const position = { line: this.line, column: this.column };
      const name = this.name();
      if (name === undefined) {
        this.skipExpression(close);
        continue;
      }
      const labels: string[] = [];
      this.skipSpace(false);
      while (this.peek() === '"' || (this.peek() !== undefined && /[A-Za-z_]/.test(this.peek()!))) {
        labels.push(this.name()!);
        this.skipSpace(false);
      }
      const entry: HclEntry = { name, labels, position, children: [] };
      entries.push(entry);
      if (this.peek() === '{') {
        this.advance();
        entry.children = this.body('}');
      } else if (this.peek() === '=' || this.peek() === ':') {
        this.advance();
        this.skipSpace(false);
        if (this.peek() === '{') {
          this.advance();
          entry.children = this.body('}');
          this.skipExpression(close);
        } else {
          this.skipExpression(close);
        }
      } else {
        this.skipExpression(close);
      }
    }
  }

  /** An identifier or a quoted name; undefined (and nothing consumed) for anything else. */
  private name(): string | undefined {
    if (this.peek() === '"') {
      const start = this.offset;
      this.skipString();
      try {
        return JSON.parse(this.text.slice(start, this.offset)) as string;
      } catch {
        return this.text.slice(start + 1, this.offset - 1);
      }
    }
    const match = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.offset, this.offset + 200));
    if (match === null) return undefined;
    for (let i = 0; i < match[0].length; i += 1) this.advance();
    return match[0];
  }

  /**
   * Skips the rest of an expression: to the end of the line when no bracket is open, or to a
   * `,` or the closing brace of the enclosing object.
   */
  private skipExpression(close: '}' | undefined): void {
    let depth = 0;
    for (;;) {
      const char = this.peek();
      if (char === undefined) return;
      if (depth === 0 && (char === '\n' || char === ',' || char === close)) return;
      if (char === '"') this.skipString();
      else if (char === '<' && this.text.startsWith('<<', this.offset)) this.skipHeredoc();
      else if (char === '#' || (char === '/' && (this.text[this.offset + 1] === '/' || this.text[this.offset + 1] === '*'))) this.skipComment();
      else {
        if ('([{'.includes(char)) depth += 1;
        if (')]}'.includes(char)) depth -= 1;
        this.advance();
      }
    }
  }

  private skipString(): void {
    this.advance();
    for (;;) {
      const char = this.peek();
      if (char === undefined || char === '\n') return;
      this.advance();
      if (char === '\\') this.advance();
      else if (char === '"') return;
      else if ((char === '$' || char === '%') && this.peek() === '{') {
        this.advance();
        this.skipInterpolation();
      }
    }
  }

  private skipInterpolation(): void {
    let depth = 1;
    while (depth > 0 && this.peek() !== undefined) {
      const char = this.peek()!;
      if (char === '"') {
        this.skipString();
        continue;
      }
      if (char === '{') depth += 1;
      if (char === '}') depth -= 1;
      this.advance();
    }
  }

  private skipHeredoc(): void {
    const match = /^<<-?([A-Za-z_][\w-]*)[^\n]*\n/.exec(this.text.slice(this.offset, this.offset + 200));
    if (match === null) {
      this.advance();
      return;
    }
    const marker = match[1]!;
    for (let i = 0; i < match[0].length; i += 1) this.advance();
    while (this.peek() !== undefined) {
      const end = this.text.indexOf('\n', this.offset);
      const lineText = this.text.slice(this.offset, end < 0 ? undefined : end);
      const isEnd = lineText.trim() === marker;
      while (this.peek() !== undefined && this.peek() !== '\n') this.advance();
      if (isEnd) return;
      this.advance();
    }
  }

  private skipComment(): void {
    if (this.text.startsWith('/*', this.offset)) {
      while (this.peek() !== undefined && !this.text.startsWith('*/', this.offset)) this.advance();
      this.advance();
      this.advance();
      return;
    }
    while (this.peek() !== undefined && this.peek() !== '\n') this.advance();
  }

  private skipSpace(newlines: boolean): void {
    for (;;) {
      const char = this.peek();
      if (char === undefined) return;
      if (char === ' ' || char === '\t' || char === '\r' || (newlines && char === '\n')) this.advance();
      else if (newlines && (char === '#' || this.text.startsWith('//', this.offset) || this.text.startsWith('/*', this.offset))) this.skipComment();
      else return;
    }
  }

  private peek(): string | undefined {
    return this.text[this.offset];
  }

  private advance(): void {
    if (this.text[this.offset] === '\n') {
      this.line += 1;
      this.column = 1;
    } else {
      this.column += 1;
    }
    this.offset += 1;
  }
}
