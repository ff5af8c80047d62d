/**
 * The small expression language of validation rules: numbers, indicator codes, + - * /, parentheses,
 * unary minus, ABS(x) and PREV(CODE). A hand-written tokenizer and recursive-descent parser, never
 * eval or new Function: an admin types these into a sheet, and Apps Script must run them safely.
 */

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'code'; code: string }
  | { kind: 'prev'; code: string }
  | { kind: 'abs'; arg: Expr }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

/** A problem in an expression, in Vietnamese, without the rule it belongs to. */
export class ExpressionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionError';
  }
}

type Token =
  | { kind: 'number'; value: number; text: string; at: number }
  | { kind: 'name'; text: string; at: number }
  | { kind: 'symbol'; text: string; at: number };

const FUNCTIONS = ['ABS', 'PREV'];
const SYMBOLS = '+-*/()';

/** Positions are 1-based, as a person counts characters. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    const number = /^\d+(\.\d+)?/.exec(rest);
    const name = /^[A-Za-z][A-Za-z0-9_]*/.exec(rest);
    if (space) {
      i += space[0].length;
    } else if (number) {
      // "0,3" is how Vietnamese write decimals; say so rather than report a stray comma.
      const comma = /^\d+(,\d+)+/.exec(rest);
      if (comma) {
        throw new ExpressionError(
          `số "${comma[0]}" ở vị trí ${i + 1} có dấu phẩy: số thập phân dùng dấu chấm (0.3), số lớn viết liền (1412)`,
        );
      }
      tokens.push({ kind: 'number', value: Number(number[0]), text: number[0], at: i + 1 });
      i += number[0].length;
    } else if (name) {
      // Codes are upper case; accepting "tc_hv" costs nothing and spares the admin a round trip.
      tokens.push({ kind: 'name', text: name[0].toUpperCase(), at: i + 1 });
      i += name[0].length;
    } else if (SYMBOLS.includes(rest[0]!)) {
      tokens.push({ kind: 'symbol', text: rest[0]!, at: i + 1 });
      i += 1;
    } else {
      throw new ExpressionError(`ký tự "${rest[0]}" không hợp lệ ở vị trí ${i + 1}`);
    }
  }
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): Expr {
    if (this.tokens.length === 0) throw new ExpressionError('biểu thức trống');
    const expr = this.sum();
    const extra = this.peek();
    if (extra) throw new ExpressionError(`thừa "${extra.text}" ở vị trí ${extra.at}`);
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private isSymbol(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'symbol' && token.text === text;
  }

  private expect(text: string): void {
    if (this.isSymbol(text)) {
      this.index++;
      return;
    }
    const token = this.peek();
    throw new ExpressionError(
      token ? `cần "${text}" ở vị trí ${token.at}, nhưng gặp "${token.text}"` : `thiếu dấu "${text}"`,
    );
  }

  private sum(): Expr {
    let left = this.product();
    while (this.isSymbol('+') || this.isSymbol('-')) {
      const op = this.tokens[this.index++]!.text as '+' | '-';
      left = { kind: 'binary', op, left, right: this.product() };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isSymbol('*') || this.isSymbol('/')) {
      const op = this.tokens[this.index++]!.text as '*' | '/';
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isSymbol('-')) {
      this.index++;
      return { kind: 'neg', arg: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const token = this.peek();
    if (!token) throw new ExpressionError('biểu thức kết thúc khi còn thiếu số hoặc mã chỉ tiêu');
    this.index++;
    if (token.kind === 'number') return { kind: 'number', value: token.value };
    if (token.kind === 'name')
      return this.isSymbol('(') ? this.call(token) : { kind: 'code', code: token.text };
    if (token.text === '(') {
      const inner = this.sum();
      this.expect(')');
      return inner;
    }
    throw new ExpressionError(`cần số, mã chỉ tiêu hoặc "(" ở vị trí ${token.at}, nhưng gặp "${token.text}"`);
  }

  private call(name: Token): Expr {
    if (!FUNCTIONS.includes(name.text)) {
      throw new ExpressionError(`không có hàm "${name.text}" (chỉ dùng được ${FUNCTIONS.join(', ')})`);
    }
    this.expect('(');
    if (name.text === 'PREV') {
      const code = this.peek();
      if (code?.kind !== 'name' || this.tokens[this.index + 1]?.text !== ')') {
        throw new ExpressionError('PREV chỉ nhận một mã chỉ tiêu, ví dụ PREV(TC_HV)');
      }
      this.index += 2;
      return { kind: 'prev', code: code.text };
    }
    const arg = this.sum();
    this.expect(')');
    return { kind: 'abs', arg };
  }
}

/** Parses an expression, or throws an ExpressionError saying what is wrong and where. */
export function parseExpression(text: string): Expr {
  return new Parser(tokenize(text.normalize('NFC'))).parseAll();
}

/** The indicator codes an expression reads, this quarter's and the previous quarter's alike. */
export function codesOf(expr: Expr): string[] {
  switch (expr.kind) {
    case 'number':
      return [];
    case 'code':
    case 'prev':
      return [expr.code];
    case 'abs':
    case 'neg':
      return codesOf(expr.arg);
    case 'binary':
      return [...codesOf(expr.left), ...codesOf(expr.right)];
  }
}

/** Reads a code's value: null when it has none or it is not a number (a rating label, a typo). */
export type Lookup = (code: string, previous: boolean) => number | null;

/**
 * The value of an expression, or null when it cannot be computed: a value it needs is missing (DHIS2's
 * SKIP_IF_ANY_VALUE_MISSING: missing is not zero) or it divides by zero.
 */
export function evaluateExpression(expr: Expr, lookup: Lookup): number | null {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'code':
      return lookup(expr.code, false);
    case 'prev':
      return lookup(expr.code, true);
    case 'abs':
    case 'neg': {
      const arg = evaluateExpression(expr.arg, lookup);
      if (arg === null) return null;
      return expr.kind === 'abs' ? Math.abs(arg) : -arg;
    }
    case 'binary':
      return binary(expr.op, evaluateExpression(expr.left, lookup), evaluateExpression(expr.right, lookup));
  }
}

function binary(op: '+' | '-' | '*' | '/', left: number | null, right: number | null): number | null {
  if (left === null || right === null) return null;
  if (op === '/' && right === 0) return null;
  const value =
    op === '+' ? left + right : op === '-' ? left - right : op === '*' ? left * right : left / right;
  return Number.isFinite(value) ? value : null;
}
