import path from "node:path";
import { fileURLToPath } from "node:url";

/** An error meant for the person at the terminal: printed as it is, without a stack. */
export class CliError extends Error {}

export const fail = (message: string): never => {
  throw new CliError(message);
};

/** Where relative paths given by the user start: npm runs scripts from the project root but keeps the caller's folder in INIT_CWD. */
export const callerDir = process.env.INIT_CWD ?? process.cwd();

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A path as the user should see it in a message. */
export const shown = (file: string): string => path.relative(process.cwd(), file) || ".";
