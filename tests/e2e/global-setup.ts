import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: ChildProcess | undefined;

/** Builds and serves the workbench exactly as a user would: `npm run web -- --port 0`. */
export async function setup(project: TestProject): Promise<void> {
  server = spawn('npm', ['run', 'web', '--', '--port', '0'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Chỉ Tiêu Workbench: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    server?.stdout?.on('data', onData);
    server?.stderr?.on('data', onData);
    server?.once('exit', (code) => reject(new Error(`npm run web exited with ${code}:\n${output}`)));
  });
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  // npm runs tsx runs node: end the whole process group.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
}
