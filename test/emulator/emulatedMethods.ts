/**
 * Every public method of every emulated Apps Script class, as `Class.method` (the names the call log
 * records), read from the emulator's sources with the TypeScript compiler: a method the product can
 * call is a public, non-`_` member with a call signature of a class that extends `Emulated`; its
 * class names are the string literals its constructor hands to `super(ctx, name)`, followed through
 * constants, conditionals and constructor parameters (then the `new X(ctx, 'Name', …)` that build it).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EMULATOR = path.resolve(__dirname, '..', '..', 'scripts', 'emulator');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

export function emulatedMethods(): string[] {
  const program = ts.createProgram(sourceFiles(EMULATOR), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((f) => f.fileName.startsWith(EMULATOR));

  const classes: ts.ClassDeclaration[] = [];
  const news: ts.NewExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) classes.push(node);
    if (ts.isNewExpression(node)) news.push(node);
    ts.forEachChild(node, visit);
  };
  files.forEach(visit);

  const declarationOf = (expression: ts.Expression): ts.Declaration | undefined => {
    let symbol = checker.getSymbolAtLocation(expression);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.[0];
  };
  const baseOf = (cls: ts.ClassDeclaration): ts.ClassDeclaration | null => {
    const clause = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
    const base = clause?.types[0] ? declarationOf(clause.types[0].expression) : undefined;
    return base && ts.isClassDeclaration(base) ? base : null;
  };
  const isEmulatedRoot = (cls: ts.ClassDeclaration): boolean =>
    cls.name?.text === 'Emulated' && cls.getSourceFile().fileName.endsWith(path.join('core', 'context.ts'));
  const extendsEmulated = (cls: ts.ClassDeclaration): boolean => {
    for (let base = baseOf(cls); base; base = baseOf(base)) if (isEmulatedRoot(base)) return true;
    return false;
  };

  /**
   * The class names `cls` is constructed with, given the expressions passed to its constructor
   * (`args`, from a `new` or a subclass's `super`), or null when they depend on arguments not given.
   */
  const namesOf = (cls: ts.ClassDeclaration, args: readonly ts.Expression[] | null): string[] | null => {
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    const base = baseOf(cls);
    if (!base) return null;
    // No constructor of its own: the arguments go to the base's unchanged.
    if (!ctor) return isEmulatedRoot(base) ? evaluate(args?.[1], null, args) : namesOf(base, args);
    let superArgs: readonly ts.Expression[] | null = null;
    ctor.body?.statements.forEach((s) => {
      if (
        ts.isExpressionStatement(s) &&
        ts.isCallExpression(s.expression) &&
        s.expression.expression.kind === ts.SyntaxKind.SuperKeyword
      )
        superArgs = s.expression.arguments;
    });
    if (!superArgs) return null;
    if (isEmulatedRoot(base)) return evaluate((superArgs as ts.Expression[])[1], ctor, args);
    // A deeper chain: the base's names, with our super arguments resolved against our own.
    const resolved = (superArgs as ts.Expression[]).map((a) => substitute(a, ctor, args));
    if (resolved.some((a) => a === null)) return null;
    return namesOf(base, resolved as ts.Expression[]);
  };

  /** A super argument that is one of our constructor's parameters, replaced by what was passed. */
  const substitute = (
    expression: ts.Expression,
    ctor: ts.ConstructorDeclaration,
    args: readonly ts.Expression[] | null,
  ): ts.Expression | null => {
    const declaration = ts.isIdentifier(expression) ? declarationOf(expression) : undefined;
    if (declaration && ts.isParameter(declaration) && declaration.parent === ctor) {
      const passed = args?.[ctor.parameters.indexOf(declaration)];
      return passed ?? null;
    }
    return expression;
  };

  const evaluate = (
    expression: ts.Expression | undefined,
    ctor: ts.ConstructorDeclaration | null,
    args: readonly ts.Expression[] | null,
  ): string[] | null => {
    if (!expression) return null;
    if (ts.isStringLiteralLike(expression)) return [expression.text];
    if (ts.isConditionalExpression(expression)) {
      const a = evaluate(expression.whenTrue, ctor, args);
      const b = evaluate(expression.whenFalse, ctor, args);
      return a && b ? [...a, ...b] : null;
    }
    if (ts.isParenthesizedExpression(expression)) return evaluate(expression.expression, ctor, args);
    if (ts.isIdentifier(expression)) {
      const declaration = declarationOf(expression);
      if (declaration && ts.isParameter(declaration) && ctor && declaration.parent === ctor) {
        const passed = args?.[ctor.parameters.indexOf(declaration)];
        return passed ? evaluate(passed, null, null) : null;
      }
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer)
        return evaluate(declaration.initializer, null, null);
    }
    return null;
  };

  const publicMethods = (cls: ts.ClassDeclaration): string[] => {
    const type = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(cls.name!)!);
    return checker
      .getPropertiesOfType(type)
      .filter((p) => !p.name.startsWith('_'))
      .filter((p) => {
        const d = p.declarations?.[0];
        const flags = d ? ts.getCombinedModifierFlags(d) : 0;
        return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
      })
      .filter((p) => checker.getTypeOfSymbol(p).getCallSignatures().length > 0)
      .map((p) => p.name);
  };

  const names = new Set<string>();
  for (const cls of classes.filter(extendsEmulated)) {
    let classNames = namesOf(cls, null);
    if (!classNames) {
      const built = news.filter((n) => declarationOf(n.expression) === cls);
      const fromNew = built.map((n) => namesOf(cls, n.arguments ?? []));
      // Abstract bases are never built; their subclasses bring their names.
      if (built.length === 0 && cls.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword))
        continue;
      if (fromNew.length === 0 || fromNew.some((n) => n === null))
        throw new Error(`Cannot tell the Apps Script class name of ${cls.name?.text ?? '?'}`);
      classNames = fromNew.flat() as string[];
    }
    for (const className of classNames) for (const m of publicMethods(cls)) names.add(`${className}.${m}`);
  }
  return [...names].sort();
}
