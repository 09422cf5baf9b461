/** One of the documented example queries (docs/queries.md). */
export interface Example {
  title: string;
  query: string;
  /** JSON, when the document shows the variables the query takes. */
  variables?: string;
}

/** The example queries of a document's "Example queries" section (mutations left out). */
export function exampleQueries(markdown: string): Example[];
