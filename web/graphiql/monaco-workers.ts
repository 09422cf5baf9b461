// Monaco runs its language services in web workers. GraphiQL's own setups load them from a CDN
// (esm.sh) or leave them to Vite/webpack: here each is a bundle of its own, built beside the page,
// and its file name is given to the page by the build.
declare const SANCTRACE_WORKERS: Record<'editor' | 'json' | 'graphql', string>;

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const name = label === 'json' || label === 'graphql' ? label : 'editor';
    return new Worker(SANCTRACE_WORKERS[name], { name: `monaco-${name}` });
  },
};
