// Paths into the repository for the extension's node tests.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const EXT = join(ROOT, "extension");

export function readJson(...parts) {
  return JSON.parse(readFileSync(join(...parts), "utf8"));
}

export function readText(...parts) {
  return readFileSync(join(...parts), "utf8");
}

export const bundled = (lang) => readJson(EXT, "guideline", `${lang}.json`);
