import path from "node:path";
import { fileURLToPath } from "node:url";

/** An error meant for the person at the terminal: printed as it is, without a stack. */
export class CliError extends Error {}

/** Stops the command with `message` for the person at the terminal. */
export function fail(message: string): never {
  throw new CliError(message);
}

/** Where relative paths given by the user start: npm runs scripts from the project root but keeps the caller's folder in INIT_CWD. */
export const callerDir = process.env.INIT_CWD ?? process.cwd();

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A path as the user should see it in a message. */
export const shown = (file: string): string => path.relative(process.cwd(), file) || ".";

/** Runs a command's `main`: a CliError becomes a one-line message and exit code 1; anything else is a bug and throws. */
export function runCli(name: string, main: (args: string[]) => void): void {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`${name}: error: ${error.message}`);
    process.exitCode = 1;
  }
}
