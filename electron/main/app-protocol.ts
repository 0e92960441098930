import { serveAppFile, type AppFileSource } from './static-files.ts';

/** The renderer is served from app://workbench/ rather than file:// (module workers break there). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://workbench`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // codeCache: V8 keeps compiled scripts and wasm of the scheme between starts (a faster warm start).
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
} as const;

/** True for a URL of the app's own origin. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Builds the app:// handler: the app's own files only, each with the CSP header. */
export function createAppProtocolHandler(
  root: string,
  source?: AppFileSource,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!isAppUrl(request.url)) return new Response('Forbidden', { status: 403 });
    return serveAppFile(root, new URL(request.url).pathname, source, request.headers.get('if-none-match'));
  };
}
