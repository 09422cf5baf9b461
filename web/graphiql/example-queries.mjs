// The documented example queries (docs/queries.md), for the GraphiQL page: each ```graphql block of
// its "Example queries" section that is not a mutation, titled by the paragraph before it, with the variables
// that paragraph shows as inline JSON (`{ "ti": "…" }`) when it shows some.
import MarkdownIt from 'markdown-it';

const SECTION = 'Example queries';

/** @typedef {{ title: string, query: string, variables?: string }} Example */

/** @returns {Example[]} */
export function exampleQueries(markdown) {
  const tokens = new MarkdownIt().parse(markdown, {});
  const start = tokens.findIndex(
    (t, i) => t.type === 'heading_open' && tokens[i + 1].content.trim() === SECTION,
  );
  if (start < 0) return [];
  const level = tokens[start].tag;
  const examples = [];
  let paragraph = '';
  let lead = ''; // the first sentence of the last paragraph that began one
  let inlineJson;
  for (let i = start + 3; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open' && t.tag <= level) break;
    if (t.type === 'inline' && tokens[i - 1].type === 'paragraph_open') {
      paragraph = t.children
        .map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      // A paragraph that goes on from the one before ("then pass them as variables") is titled by both.
      if (/^[a-z]/.test(paragraph) && lead) paragraph = `${lead}: ${paragraph}`;
      else lead = paragraph.split(/(?<=\.)\s+(?=[A-Z])/)[0].replace(/[,:.]\s*$/, '');
      inlineJson = t.children
        .filter((c) => c.type === 'code_inline')
        .map((c) => jsonObject(c.content))
        .find(Boolean);
    }
    if (t.type === 'fence' && t.info.trim() === 'graphql' && !/^\s*mutation\b/.test(t.content)) {
      examples.push({
        title: paragraph.replace(/[,:.]\s*$/, '') || `Example ${examples.length + 1}`,
        query: t.content,
        ...(inlineJson ? { variables: JSON.stringify(inlineJson, null, 2) } : {}),
      });
      paragraph = '';
      inlineJson = undefined;
    }
  }
  return examples;
}

function jsonObject(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
