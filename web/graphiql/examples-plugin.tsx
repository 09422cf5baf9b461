import { type GraphiQLPlugin, useGraphiQL } from '@graphiql/react';
import { useEffect, useState } from 'react';
import type { Example } from './example-queries.mjs';

/** The examples file of this build (assets/examples-HASH.json), named by the build. */
declare const SANCTRACE_EXAMPLES_URL: string;

let loaded: Promise<Example[]> | undefined;
const examples = () =>
  (loaded ??= fetch(SANCTRACE_EXAMPLES_URL).then((res) =>
    res.ok ? (res.json() as Promise<Example[]>) : [],
  ));

function ExampleList() {
  const [list, setList] = useState<Example[] | null>(null);
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  useEffect(() => {
    void examples().then(setList, () => setList([]));
  }, []);
  const load = (example: Example) => {
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables ?? '');
  };
  return (
    <section className="sanctrace-examples" aria-label="Example queries">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>
        From docs/queries.md. Click one to load it into the editor (your headers stay as they are).
      </p>
      {list === null ? null : list.length === 0 ? (
        <p>No examples could be read.</p>
      ) : (
        <ul>
          {list.map((example) => (
            <li key={example.title}>
              <button type="button" onClick={() => load(example)}>
                {example.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5h16M4 10h16M4 15h10M4 20h7" strokeLinecap="round" />
    </svg>
  );
}

export const examplesPlugin: GraphiQLPlugin = {
  title: 'Examples',
  icon: ExamplesIcon,
  content: ExampleList,
};
