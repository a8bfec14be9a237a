// How the language server is started for a debugger when the extension runs in debug mode (F5, "Run
// Extension"): .vscode/launch.json's "Attach to Server" attaches to this port, and test/client/launch.test.ts
// keeps the two equal.
export const SERVER_DEBUG_PORT = 6019;

/** Node options of the server in debug mode: compile eagerly (breakpoints bind) and listen for a debugger. */
export function serverDebugExecArgv(): string[] {
  return ['--nolazy', `--inspect=${SERVER_DEBUG_PORT}`];
}
