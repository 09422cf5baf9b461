/** One of the README's example queries. */
export interface Example {
  title: string;
  query: string;
  /** JSON, when the README shows the variables the query takes. */
  variables?: string;
}

/** The example queries of the README's "Example queries" section (mutations left out). */
export function readmeExamples(markdown: string): Example[];
