/**
 * The bundle of `entry` (a path in the repository), as a file URL to import: the one in `folder`
 * when nothing it was built from has changed, else a new one built there.
 */
export function freshBundle(entry: string, folder: string): Promise<string>;
