// The GraphiQL page served at /graphiql: GraphiQL 5 bundled with the service (no CDN). The page holds
// no data and no key: the key is typed in the request headers editor, is never stored (see
// session-store.ts), and is sent only to this service's /graphql.
import './monaco-workers.js';
import 'graphiql/style.css';
import './page.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { examplesPlugin } from './examples-plugin.js';
import { IntrospectOnHeadersChange } from './introspect-on-headers-change.js';
import { sessionStore } from './session-store.js';

const DEFAULT_HEADERS = `{
  "authorization": "Bearer <your API key>"
}
`;

const DEFAULT_QUERY = `# Sanctrace GraphQL. Every request needs an API key: put yours in the Headers editor
# below, in place of <your API key>. (The first start of the service wrote an ADMIN key to
# DATA_DIR/admin-key, ./.sanctrace/admin-key by default.) The key is not stored by this page.
#
# The documented example queries are in the Examples panel on the left: click one to load it, then
# run it with the play button or Ctrl-Enter.

{
  me {
    email
    role
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      storage={sessionStore}
      shouldPersistHeaders={false}
      showPersistHeadersSettings={false}
      defaultQuery={DEFAULT_QUERY}
      defaultHeaders={DEFAULT_HEADERS}
      defaultEditorToolsVisibility="headers"
      plugins={[examplesPlugin, HISTORY_PLUGIN]}
      visiblePlugin={examplesPlugin}
    >
      <GraphiQL.Logo>Sanctrace</GraphiQL.Logo>
      <IntrospectOnHeadersChange />
    </GraphiQL>
  </StrictMode>,
);
