import { getContext, setContext } from 'svelte';
import type { Workbench } from './workbench.svelte.ts';

export type { SourceTarget, Workbench } from './workbench.svelte.ts';

const WORKBENCH = Symbol('workbench');

/** Provides the Workbench to every area below App.svelte. */
export function setWorkbench(workbench: Workbench): Workbench {
  return setContext(WORKBENCH, workbench);
}

/** The Workbench provided by App.svelte; throws when a component is used outside it. */
export function getWorkbench(): Workbench {
  const workbench = getContext<Workbench | undefined>(WORKBENCH);
  if (!workbench) throw new Error('getWorkbench() called outside <App>: no Workbench in context');
  return workbench;
}
