import { mount } from 'svelte';
import App from '../App.svelte';

/** Mounts the workbench's UI (loaded by the entry script once the engine has started). */
export function mountApp(target: HTMLElement): ReturnType<typeof mount> {
  return mount(App, { target });
}
