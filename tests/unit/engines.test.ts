import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import semver from "semver";
import { ROOT } from "../support/build.ts";

interface Manifest {
  name: string;
  version: string;
  engines?: { node?: string };
}

const project = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as Manifest;
const range = project.engines!.node!;

/** Every package installed under `dir`, nested ones included. */
function installed(dir: string): Manifest[] {
  const found: Manifest[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".")) continue;
    const folder = path.join(dir, name);
    if (name.startsWith("@")) {
      found.push(...installed(folder));
      continue;
    }
    const manifest = path.join(folder, "package.json");
    if (!existsSync(manifest)) continue;
    found.push(JSON.parse(readFileSync(manifest, "utf8")) as Manifest);
    if (existsSync(path.join(folder, "node_modules"))) found.push(...installed(path.join(folder, "node_modules")));
  }
  return found;
}

/**
 * The Node versions the project says it runs on: the lowest its range allows, then the first
 * release of each later LTS line (even majors) up to the current one (26, LTS since October 2026).
 */
function supported(): string[] {
  const lowest = semver.minVersion(range)!;
  const lines = [lowest.version];
  for (let major = lowest.major + (lowest.major % 2 ? 1 : 2); major <= 26; major += 2) lines.push(`${major}.0.0`);
  return lines.filter((version) => semver.satisfies(version, range));
}

describe("the Node versions the project declares", () => {
  it("are those this machine and every installed dependency run on", () => {
    assert.ok(semver.satisfies(process.version, range), `this machine's Node ${process.version} is outside ${range}`);
    const versions = supported();
    assert.ok(versions.length >= 2 && versions[0] === "20.19.0", versions.join(", "));
    const outside = installed(path.join(ROOT, "node_modules")).flatMap((dependency) => {
      const needs = dependency.engines?.node;
      if (!needs || !semver.validRange(needs)) return [];
      const refused = versions.filter((version) => !semver.satisfies(version, needs));
      return refused.length
        ? [`${dependency.name}@${dependency.version} needs Node ${needs}, not ${refused.join(", ")}`]
        : [];
    });
    assert.deepEqual(outside, [], `the project declares Node ${range}`);
  });
});
