import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { useEffect } from 'react';

/**
 * GraphiQL reads the schema once, when the page opens, before a key can be typed; the service
 * refuses it without one. Read it again whenever the request headers settle after an edit.
 */
export function IntrospectOnHeadersChange(): null {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const actions = useGraphiQLActions();
  useEffect(() => {
    if (!headerEditor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = headerEditor.onDidChangeModelContent(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void actions.introspect(), 500);
    });
    return () => {
      clearTimeout(timer);
      subscription.dispose();
    };
  }, [headerEditor, actions]);
  return null;
}
