import {
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../errors.js';

/**
 * The API limits of DESIGN.md §5, and those that keep one request's memory and stack bounded. Page
 * size (at most 100) is checked on each list's arguments, the cost limit is the MAX_QUERY_COST
 * setting (see query-cost.ts), the request body limit BODY_LIMIT_BYTES.
 */
export const LIMITS = {
  /** Fields nested in fields (Mercurius' `queryDepth`). */
  depth: 10,
  aliases: 15,
  /** Fragments (spreads and inline fragments) nested in one another along any path. */
  fragmentDepth: 10,
  /** Lists and objects nested in one another, in an argument or in the variables. */
  inputDepth: 10,
  /**
   * Tokens of the query text (GraphQL Armor's default): the introspection query has about 190,
   * the README's examples at most 70. A parsed document takes about 0.5 KB a token.
   */
  tokens: 1000,
  /** Characters of the query text (comments and string literals are not tokens). */
  queryLength: 32_768,
  /**
   * Parsed (and, from their second run, compiled) documents Mercurius keeps. Only valid ones are
   * kept (see validate-document.hook.ts), each within the two limits above: about 0.5 MB at most.
   */
  documentCache: 256,
};

const error = (message: string, node: ASTNode, code: ErrorCode) =>
  new GraphQLError(message, { nodes: [node], extensions: { code } });

/** At most `max` aliased fields in a document. */
export const maxAliasesRule =
  (max: number): ValidationRule =>
  (context) => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias && ++count === max + 1) {
          context.reportError(
            error(`A query may use at most ${max} aliases`, node, ErrorCode.TOO_MANY_ALIASES),
          );
        }
      },
    };
  };

/**
 * At most `max` fragments nested in one another (a chain of 2,000 spreads would otherwise exhaust
 * the stack of whatever walks the document next). Each fragment is measured once; the recursion
 * stops past `max`, so it is never deeper than that. Cycles are NoFragmentCyclesRule's to report.
 */
export const maxFragmentDepthRule =
  (max: number): ValidationRule =>
  (context) => ({
    Document(document) {
      const measure = new FragmentDepth(document, max);
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        if (measure.of(definition.selectionSet, 0) > max) {
          reportTooDeep(context, definition, max);
        }
      }
      return false;
    },
  });

function reportTooDeep(context: ValidationContext, node: ASTNode, max: number) {
  context.reportError(
    error(`Fragments may be nested at most ${max} deep`, node, ErrorCode.QUERY_TOO_DEEP),
  );
}

class FragmentDepth {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly depths = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(
    document: DocumentNode,
    private readonly max: number,
  ) {
    for (const d of document.definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
    }
  }

  /** The fragment nesting under `set`, entered at `level`; anything past `max` counts as max + 1. */
  of(set: SelectionSetNode | undefined, level: number): number {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      const depth =
        selection.kind === Kind.FIELD
          ? this.of(selection.selectionSet, level)
          : selection.kind === Kind.INLINE_FRAGMENT
            ? 1 + (level + 1 > this.max ? this.max : this.of(selection.selectionSet, level + 1))
            : 1 + this.spread(selection.name.value, level + 1);
      deepest = Math.max(deepest, depth);
      if (level + deepest > this.max) return this.max + 1;
    }
    return deepest;
  }

  private spread(name: string, level: number): number {
    if (level > this.max) return this.max + 1;
    const known = this.depths.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.visiting.has(name)) return 0;
    this.visiting.add(name);
    const depth = this.of(fragment.selectionSet, level);
    this.visiting.delete(name);
    // A depth cut short at this level may be more from a shallower one: keep only full measures.
    if (depth <= this.max) this.depths.set(name, depth);
    return depth;
  }
}

/** At most `max` lists and input objects nested in one another in an argument's literal value. */
export const maxInputDepthRule =
  (max: number): ValidationRule =>
  (context) => {
    let depth = 0;
    let reported = false;
    const enter = (node: ASTNode) => {
      if (++depth > max && !reported) {
        reported = true;
        context.reportError(
          error(`Values may be nested at most ${max} deep`, node, ErrorCode.BAD_USER_INPUT),
        );
      }
    };
    const leave = () => {
      depth--;
    };
    return {
      ObjectValue: { enter, leave },
      ListValue: { enter, leave },
    };
  };

/** The API's own validation rules, run beside GraphQL's specified ones. */
export const validationRules = (introspection: boolean): ValidationRule[] => [
  maxAliasesRule(LIMITS.aliases),
  maxFragmentDepthRule(LIMITS.fragmentDepth),
  maxInputDepthRule(LIMITS.inputDepth),
  ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
];
