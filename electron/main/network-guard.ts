import type { ElectronApi } from './electron-api.ts';
import { isAppUrl } from './app-protocol.ts';

/** The product never touches the network: every request outside app:// is cancelled, no permission granted. */
export function guardSession(api: ElectronApi): void {
  const session = api.session.defaultSession;
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppUrl(details.url) && !details.url.startsWith('devtools://') });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}
