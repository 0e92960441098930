// The entry script: kept tiny so the engine starts before the UI's code loads and runs.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import './styles/app.css';
import { startBrowserEngine } from './lib/db/browser-connector.ts';
import { prefetchAsset } from './lib/platform/fetch-asset.ts';
import { WAREHOUSE_TABLES, arrowPath } from './lib/warehouse/tables.ts';

// A failed start is reported by the workbench when it connects, not here.
startBrowserEngine().catch(() => undefined);
for (const table of WAREHOUSE_TABLES) prefetchAsset(arrowPath(table));

const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');

void import('./app/mount-app.ts').then(({ mountApp }) => mountApp(target));
