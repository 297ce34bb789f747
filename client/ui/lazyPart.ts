import { type Component, createComponent, lazy, Suspense } from 'solid-js';

/**
 * A component whose code loads on first use, in a Suspense of its own: nothing shows until it is
 * there, and nothing around it waits. For a feature's parts that other pages show below the fold
 * or behind a tap, so they stay out of the first route's scripts.
 */
export function lazyPart<P extends object>(load: () => Promise<Component<P>>): Component<P> {
  const Part = lazy(async () => ({ default: await load() }));
  return (props: P) =>
    createComponent(Suspense, {
      get children() {
        return createComponent(Part, props);
      },
    });
}
