import { execFileSync } from 'node:child_process';

/** True when `command` is on the PATH (tests that need LibreOffice skip with a message otherwise). */
export function installed(command: string): boolean {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
