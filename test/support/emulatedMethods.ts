import path from 'node:path';
import ts from 'typescript';

/**
 * Every public method of every emulated Apps Script class, as `Class.method`, read from the emulator's
 * source with the TypeScript checker: a class is emulated when it extends `Emulated` (core/context.ts);
 * its Apps Script name is the string it passes to `super(ctx, name)` (a literal, a constant, either
 * branch of a conditional, or, when it forwards a constructor parameter, what `new X(ctx, name)` passes);
 * its methods are its own and inherited public members whose name does not start with `_`.
 */
export function emulatedMethods(emulatorDir = path.join(__dirname, '../../scripts/emulator')): string[] {
  const config = ts.readConfigFile(path.join(__dirname, '../../tsconfig.scripts.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, path.join(__dirname, '../..'));
  const roots = parsed.fileNames.filter((f) => path.resolve(f).startsWith(path.resolve(emulatorDir)));
  const program = ts.createProgram(roots, parsed.options);
  const checker = program.getTypeChecker();
  const sources = program.getSourceFiles().filter((f) => path.resolve(f.fileName).startsWith(emulatorDir));

  const classes: ts.ClassDeclaration[] = [];
  const news: ts.NewExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) classes.push(node);
    if (ts.isNewExpression(node)) news.push(node);
    ts.forEachChild(node, visit);
  };
  sources.forEach(visit);

  const extendsEmulated = (decl: ts.ClassDeclaration): boolean => {
    const base = decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    if (!base) return false;
    const symbol = checker.getSymbolAtLocation(base.expression);
    if (symbol?.name === 'Emulated') return true;
    const baseDecl = symbol?.declarations?.find(ts.isClassDeclaration);
    return baseDecl ? extendsEmulated(baseDecl) : false;
  };
  /** The emulated base class (undefined when the base is Emulated itself). */
  const baseOf = (decl: ts.ClassDeclaration): ts.ClassDeclaration | undefined => {
    const base = decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    const baseDecl = base
      ? checker.getSymbolAtLocation(base.expression)?.declarations?.find(ts.isClassDeclaration)
      : undefined;
    return baseDecl?.name?.text === 'Emulated' ? undefined : baseDecl;
  };

  /** The strings an expression can be, or 'param:<index>' when it is a constructor parameter. */
  const stringsOf = (expr: ts.Expression, ctor: ts.ConstructorDeclaration | undefined): string[] => {
    if (ts.isStringLiteralLike(expr)) return [expr.text];
    if (ts.isConditionalExpression(expr))
      return [...stringsOf(expr.whenTrue, ctor), ...stringsOf(expr.whenFalse, ctor)];
    if (ts.isIdentifier(expr)) {
      const decl = checker.getSymbolAtLocation(expr)?.valueDeclaration;
      if (decl && ts.isParameter(decl) && ctor) return [`param:${ctor.parameters.indexOf(decl)}`];
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer)
        return stringsOf(decl.initializer, ctor);
    }
    throw new Error(`emulatedMethods: cannot tell the class name from "${expr.getText()}"`);
  };

  /** The Apps Script names a class gives itself, or `param:i` when its constructor's i-th argument carries it. */
  const namesOf = (decl: ts.ClassDeclaration): string[] => {
    const base = baseOf(decl);
    const ctor = decl.members.find(ts.isConstructorDeclaration);
    if (!ctor) return base ? namesOf(base) : [];
    let superArgs: readonly ts.Expression[] | undefined;
    const find = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword)
        superArgs = node.arguments;
      else ts.forEachChild(node, find);
    };
    find(ctor);
    if (!superArgs) throw new Error(`emulatedMethods: ${decl.name?.text} calls no super()`);
    // Emulated's constructor is (ctx, className); a base class of ours says which argument it forwards.
    const inherited = base ? namesOf(base) : ['param:1'];
    const forwarded = inherited.find((n) => n.startsWith('param:'));
    if (!forwarded) return inherited;
    const arg = superArgs[Number(forwarded.slice('param:'.length))];
    if (!arg) throw new Error(`emulatedMethods: ${decl.name?.text} passes no class name`);
    return stringsOf(arg, ctor);
  };

  const result = new Set<string>();
  for (const decl of classes) {
    if (!decl.name || !extendsEmulated(decl)) continue;
    if (decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword)) continue;
    let names = namesOf(decl);
    if (names.some((n) => n.startsWith('param:'))) {
      const index = Number(names[0]!.slice('param:'.length));
      names = news
        .filter((n) => checker.getSymbolAtLocation(n.expression)?.declarations?.includes(decl))
        .flatMap((n) => stringsOf(n.arguments![index]!, undefined));
    }
    const type = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(decl.name)!);
    for (const property of checker.getPropertiesOfType(type)) {
      const member = property.valueDeclaration;
      if (!member || !ts.isMethodDeclaration(member) || property.name.startsWith('_')) continue;
      const flags = ts.getCombinedModifierFlags(member);
      if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      for (const name of names) result.add(`${name}.${property.name}`);
    }
  }
  return [...result].sort();
}
