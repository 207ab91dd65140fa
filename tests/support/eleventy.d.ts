// Eleventy documents its programmatic API in JSDoc only; this is the part the tests use.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean });
    write(): Promise<unknown>;
  }
}
