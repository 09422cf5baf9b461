import {
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../errors.js';

/**
 * The API limits (docs/access.md, Limits), and those that keep one request's memory and stack bounded. Page
 * size (at most 100) is checked on each list's arguments, the cost limit is the MAX_QUERY_COST
 * setting (see query-cost.ts), the request body limit BODY_LIMIT_BYTES.
 */
export const LIMITS = {
  /** Fields nested in fields, leaves included; introspection aside (see maxNestingRule). */
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
   * kept (see validate-document.hook.ts), each within the two limits above: about 0.5 MB at most
   * (measured: 900 tokens, compiled, 0.48 MB), so about 130 MB when full of the largest.
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

/** Introspection's root fields: answered from memory, bounded by the cost limit, not the depth. */
const INTROSPECTION = new Set(['__schema', '__type']);

interface Nesting {
  /** Fields nested in fields, leaves included (`{ me { role } }` is 2). */
  fields: number;
  /** Fragments (spreads and inline fragments) nested in one another. */
  fragments: number;
}

/**
 * How deep an operation nests, through its fragments: each fragment measured once (a document that
 * spreads one fragment twice at every level is not walked 2^n times). Recursion is bounded by the
 * document, which LIMITS.tokens keeps small. Cycles are NoFragmentCyclesRule's to report.
 */
class NestingOf {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, Nesting>();
  private readonly visiting = new Set<string>();

  constructor(document: DocumentNode) {
    for (const d of document.definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
    }
  }

  of(set: SelectionSetNode | undefined): Nesting {
    const deepest = { fields: 0, fragments: 0 };
    for (const selection of set?.selections ?? []) {
      let below: Nesting;
      if (selection.kind === Kind.FIELD) {
        if (INTROSPECTION.has(selection.name.value)) continue;
        const inner = this.of(selection.selectionSet);
        below = { fields: inner.fields + 1, fragments: inner.fragments };
      } else {
        const inner =
          selection.kind === Kind.INLINE_FRAGMENT
            ? this.of(selection.selectionSet)
            : this.spread(selection.name.value);
        below = { fields: inner.fields, fragments: inner.fragments + 1 };
      }
      deepest.fields = Math.max(deepest.fields, below.fields);
      deepest.fragments = Math.max(deepest.fragments, below.fragments);
    }
    return deepest;
  }

  private spread(name: string): Nesting {
    const known = this.measured.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || this.visiting.has(name)) return { fields: 0, fragments: 0 };
    this.visiting.add(name);
    const nesting = this.of(fragment.selectionSet);
    this.visiting.delete(name);
    this.measured.set(name, nesting);
    return nesting;
  }
}

/**
 * Fields at most `depth` deep and fragments at most `fragmentDepth` deep, through fragments (a chain
 * of 2,000 spreads would otherwise exhaust the stack of whatever walks the document next).
 * Introspection is not counted: the standard introspection query nests 15 deep in `ofType`.
 */
export const maxNestingRule =
  (depth: number, fragmentDepth: number): ValidationRule =>
  (context) => ({
    Document(document) {
      const nesting = new NestingOf(document);
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const { fields, fragments } = nesting.of(definition.selectionSet);
        if (fields > depth) {
          context.reportError(
            error(
              `This query nests fields ${fields} deep, more than the limit of ${depth}`,
              definition,
              ErrorCode.QUERY_TOO_DEEP,
            ),
          );
        }
        if (fragments > fragmentDepth) {
          context.reportError(
            error(
              `This query nests fragments ${fragments} deep, more than the limit of ${fragmentDepth}`,
              definition,
              ErrorCode.QUERY_TOO_DEEP,
            ),
          );
        }
      }
      return false;
    },
  });

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
  maxNestingRule(LIMITS.depth, LIMITS.fragmentDepth),
  maxInputDepthRule(LIMITS.inputDepth),
  ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
];
