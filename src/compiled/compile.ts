// Compiles a read operation into one SQL statement whose result is the response's `data`, as JSON,
// the way PostGraphile does: every field becomes an SQL expression, every relation a correlated
// subquery, aliases and fragments included. Executing the same document field by field costs
// several times the statement itself, most of it in resolvers that only copy values.
//
// The compiler has no tables of its own: it walks the schema, and each field gives its SQL where it
// is declared (field-sql.ts). Stored scalars exposed with `t.expose…` are read from their column;
// a Node's `id` is its global ID. A selected field with neither makes `compileRead` return
// undefined, and the operation is executed by the schema instead.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Provider } from '../db/schemas.js';
import { render, type Sql, sql } from '../db/sql.js';
import { PUBLIC_VIEWER, type Viewer } from '../rules/visibility.js';
import { type ReadDialect, readDialects } from './dialect.js';
import {
  type Compilation,
  FIELD_SQL,
  type FieldSqlOf,
  subselections,
  Unsupported,
} from './field-sql.js';

/** Its parameters hold READ_TIME where the request's instant goes (see bindReadTime). */
export type CompiledRead = {
  sql: string;
  parameters: unknown[];
  provider: Provider;
  /** Plan it for its parameters every time (see Compilation.planForParameters). */
  planEachTime: boolean;
  /**
   * Its JSON is already the text `JSON.stringify` would print for it, so it may be sent as it is:
   * both databases print strings, integers, booleans and nulls as JavaScript does (PostgreSQL
   * once its spacing is dropped, see ReadDialect.printed), but not floats.
   */
  exactJson: boolean;
};

/** One compilation: its aliases, and the document's fragments and variables. */
class Compiler implements Compilation {
  planEachTime = false;
  /** A Float field is selected (the databases print floats their own way). */
  selectsFloat = false;
  private aliases = 0;

  constructor(
    readonly d: ReadDialect,
    readonly schema: GraphQLSchema,
    readonly viewer: Viewer,
    readonly fragments: Record<string, FragmentDefinitionNode>,
    readonly variables: Record<string, unknown>,
  ) {}

  alias(): Sql {
    this.aliases += 1;
    return sql.ident(`c${this.aliases}`);
  }

  planForParameters(): void {
    this.planEachTime = true;
  }

  object(type: string, row: Sql, selections: SelectionSetNode[], path: string[]): Sql {
    const graphqlType = this.schema.getType(type);
    if (!isObjectType(graphqlType)) throw new Unsupported(type);
    const entries = new Map<string, Sql>();
    for (const [key, nodes] of this.collect(type, selections)) {
      const first = nodes[0] as FieldNode;
      const name = first.name.value;
      if (name === '__typename') {
        entries.set(key, sql.literal(type));
        continue;
      }
      const definition = graphqlType.getFields()[name];
      if (!definition) throw new Unsupported(`${type}.${name}`);
      if (getNamedType(definition.type).name === 'Float') this.selectsFloat = true;
      entries.set(
        key,
        sqlOf(
          graphqlType,
          definition,
        )({
          c: this,
          row,
          args: getArgumentValues(definition, first, this.variables),
          selections: subselections(nodes),
          path: [...path, key],
        }),
      );
    }
    return this.d.object(entries);
  }

  collect(type: string, selections: SelectionSetNode[]): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    const visit = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (!this.included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const nodes = fields.get(key);
          if (nodes) nodes.push(selection);
          else fields.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (this.applies(selection.typeCondition?.name.value, type))
            visit(selection.selectionSet);
        } else {
          const fragment = this.fragments[selection.name.value];
          if (!fragment) throw new Unsupported(selection.name.value);
          if (this.applies(fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
        }
      }
    };
    for (const set of selections) visit(set);
    return fields;
  }

  private included(node: { directives?: readonly { name: { value: string } }[] }): boolean {
    for (const directive of node.directives ?? []) {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') throw new Unsupported(`@${name}`);
    }
    const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, this.variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, this.variables);
    return include?.if !== false;
  }

  private applies(condition: string | undefined, type: string): boolean {
    if (condition === undefined || condition === type) return true;
    const conditionType = this.schema.getType(condition);
    const objectType = this.schema.getType(type);
    return (
      conditionType !== undefined &&
      isAbstractType(conditionType) &&
      isObjectType(objectType) &&
      this.schema.isSubType(conditionType, objectType)
    );
  }
}

type Extensions = Record<string, unknown> | null | undefined;

const hasAuthScopes = (extensions: Extensions) =>
  (extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes !== undefined;

/**
 * The SQL of a field: declared on it, or its column when Pothos exposes a stored column of a Prisma
 * type, or the global ID for a Node's `id`.
 */
function sqlOf(parent: GraphQLObjectType, definition: GraphQLField<unknown, unknown>): FieldSqlOf {
  const extensions = definition.extensions as Extensions;
  // A statement runs no resolver, so it would skip scope-auth's checks: guarded fields and types
  // are always executed.
  if (hasAuthScopes(extensions) || hasAuthScopes(parent.extensions as Extensions)) {
    throw new Unsupported(`${parent.name}.${definition.name} is guarded`);
  }
  const declared = extensions?.[FIELD_SQL] as FieldSqlOf | undefined;
  if (declared) return declared;
  const exposed = extensions?.pothosExposedField;
  const parentExtensions = parent.extensions as Extensions;
  if (typeof exposed === 'string' && parentExtensions?.pothosPrismaModel) {
    const scalar = getNamedType(definition.type).name;
    return ({ c, row }) => {
      const column = sql`${row}.${sql.ident(exposed)}`;
      if (scalar === 'DateTime') return c.d.isoTime(column);
      if (scalar === 'Boolean') return c.d.boolean(column);
      return column;
    };
  }
  if (definition.name === 'id' && parent.getInterfaces().some((i) => i.name === 'Node')) {
    return ({ c, row }) => c.d.globalId(parent.name, sql`${row}."id"`);
  }
  throw new Unsupported(`${parent.name}.${definition.name}`);
}

/**
 * Fields of the read schema with no SQL: selecting one hands the whole operation to execution. The
 * connection, edge and page-info types and QuotedAlongside are answered by their parent field's
 * SQL (connection.ts, Person.quotedAlongside), so their fields are not asked.
 */
export function fieldsWithoutSql(schema: GraphQLSchema): string[] {
  const answeredByParent = (name: string) =>
    /(Connection|Edge)$/.test(name) || name === 'PageInfo' || name === 'QuotedAlongside';
  const missing: string[] = [];
  // The object types a read can reach from Query (abstract types through their implementations).
  const queryType = schema.getQueryType();
  const seen = new Set<string>();
  const pending = queryType ? [queryType] : [];
  for (let type = pending.pop(); type; type = pending.pop()) {
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const reached = isAbstractType(named) ? schema.getPossibleTypes(named) : [named];
      for (const next of reached) if (isObjectType(next)) pending.push(next);
      if (answeredByParent(type.name)) continue;
      try {
        sqlOf(type, field);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        missing.push(`${type.name}.${field.name}`);
      }
    }
  }
  return missing.sort();
}

/**
 * The statement answering `operationName` of `document` with `rawVariables`, or undefined when
 * any part of it is not compiled (or the variables or arguments are invalid: execution reports
 * those). `document` must already have passed validation.
 */
export function compileRead(
  schema: GraphQLSchema,
  provider: Provider,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  viewer: Viewer = PUBLIC_VIEWER,
): CompiledRead | undefined {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return undefined;
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    rawVariables ?? {},
  );
  if (coerced.errors) return undefined;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const queryType = schema.getQueryType();
  if (!queryType) return undefined;
  const dialect = readDialects[provider];
  const c = new Compiler(dialect, schema, viewer, fragments, coerced.coerced);
  try {
    const data = c.object(queryType.name, sql.empty, [operation.selectionSet], []);
    const { text, values } = render(dialect.statement(data), dialect.placeholder);
    return {
      sql: text,
      parameters: values,
      provider,
      planEachTime: c.planEachTime,
      exactJson: !c.selectsFloat,
    };
  } catch (error) {
    // Unsupported selections, and arguments the resolvers reject (bad IDs): execution takes over.
    if (error instanceof Unsupported || isClientError(error)) return undefined;
    throw error;
  }
}

function isClientError(error: unknown): boolean {
  return error instanceof Error && 'extensions' in error;
}
