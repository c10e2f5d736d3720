// The dependency rules of src/ (README, Layout): the database layer sits at the bottom, limits are
// a leaf everyone reads, only the server's entry points reach into the HTTP layer, and yoga plugins
// are named use…. Read from the sources themselves, so a new import that breaks a rule fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/env.js';

const src = path.join(projectRoot, 'src');

type Module = { file: string; source: ts.SourceFile; imports: string[] };

/** Every hand-written module under src/, by its path relative to src/ ("db/client.ts"). */
const modules: Module[] = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.startsWith(`generated${path.sep}`))
  .map((file) => {
    const text = readFileSync(path.join(src, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    return { file: file.split(path.sep).join('/'), source, imports: relativeImports(file, source) };
  });

/** The src/-relative modules a file imports or re-exports, statically or with import(). */
function relativeImports(file: string, source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      specifiers.push(node.moduleSpecifier.text);
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      specifiers.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      path
        .relative(src, path.resolve(src, path.dirname(file), specifier))
        .split(path.sep)
        .join('/')
        .replace(/\.js$/, '.ts'),
    );
}

/** "from → to" for each import that `allowed` refuses. */
function violations(
  from: (file: string) => boolean,
  allowed: (target: string, file: string) => boolean,
): string[] {
  return modules
    .filter((module) => from(module.file))
    .flatMap((module) =>
      module.imports
        .filter((target) => !allowed(target, module.file))
        .map((target) => `${module.file} → ${target}`),
    );
}

/** Modules that import nothing from src/ but each other: any layer may use them. */
const leaves = ['limits.ts', 'env.ts', 'errors.ts', 'global-id.ts'];

describe('dependencies in src/', () => {
  it('finds the modules and their imports', () => {
    // Guards the rules below against passing because nothing was read.
    expect(modules.length).toBeGreaterThan(50);
    expect(modules.find((m) => m.file === 'yoga.ts')?.imports).toContain('limits.ts');
  });

  it('leaf modules import nothing but each other, and limits.ts nothing at all', () => {
    for (const leaf of leaves) expect(modules.map((m) => m.file)).toContain(leaf);
    expect(
      violations(
        (file) => leaves.includes(file),
        (target) => leaves.includes(target),
      ),
    ).toEqual([]);
    const limits = modules.find((m) => m.file === 'limits.ts');
    expect(limits?.source.statements.filter(ts.isImportDeclaration)).toEqual([]);
  });

  it('db/ imports only db/, the generated Prisma clients and the leaves', () => {
    expect(
      violations(
        (file) => file.startsWith('db/'),
        (target) =>
          target.startsWith('db/') || target.startsWith('generated/') || leaves.includes(target),
      ),
    ).toEqual([]);
  });

  it('nothing imports http/ but yoga.ts and index.ts', () => {
    expect(
      violations(
        (file) => !file.startsWith('http/') && file !== 'yoga.ts' && file !== 'index.ts',
        (target) => !target.startsWith('http/'),
      ),
    ).toEqual([]);
  });

  it('the compiler takes its limits from limits.ts, not from the schema builder', () => {
    expect(
      violations(
        (file) => file.startsWith('compiled/'),
        (target) => target !== 'builder.ts',
      ),
    ).toEqual([]);
  });

  it('each limit is declared once, in limits.ts', () => {
    const declared = (module: Module) =>
      module.source.statements
        .filter(ts.isVariableStatement)
        .filter((s) => s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
        .flatMap((s) => s.declarationList.declarations.map((d) => d.name.getText()));
    const module = modules.find((m) => m.file === 'limits.ts');
    expect(module).toBeDefined();
    const limits = module ? declared(module) : [];
    expect(limits.length).toBeGreaterThan(0);
    const elsewhere = modules
      .filter((m) => m.file !== 'limits.ts')
      .flatMap((m) =>
        declared(m)
          .filter((name) => limits.includes(name))
          .map((n) => `${m.file}: ${n}`),
      );
    expect(elsewhere).toEqual([]);
  });

  it('every exported factory of a yoga plugin is named use…', () => {
    const factories = modules.flatMap((module) =>
      module.source.statements
        .filter(ts.isFunctionDeclaration)
        .filter((f) => f.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
        .filter((f) => f.type && /^Plugin\b/.test(f.type.getText()))
        .map((f) => `${module.file}: ${f.name?.text}`),
    );
    // The plugins directory holds most of them; an empty list would mean the check saw nothing.
    expect(factories.filter((f) => f.startsWith('plugins/')).length).toBeGreaterThan(5);
    expect(factories.filter((f) => !/: use[A-Z]/.test(f))).toEqual([]);
  });
});
