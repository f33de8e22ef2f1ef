/**
 * npm run schemas [-- --check]
 * Writes the JSON Schema of every published file to data-loaders/schema/json/<name>.schema.json and the
 * data dictionary to data-loaders/schema/data-dictionary.md, all generated from the zod schemas. With
 * --check, writes nothing and exits 1 if any checked-in file is stale (the tests do the same check).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCommandLine } from "./cli-args.ts";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { generatedSchemaFiles } from "../data-loaders/schema/data-dictionary.ts";

const { values } = parseCommandLine(
  "schemas",
  "usage: npm run schemas -- [--check]",
  { options: { check: { type: "boolean" } } },
  `
Writes the JSON Schemas of the record and every site output (data-loaders/schema/json/) and the data
dictionary (data-loaders/schema/data-dictionary.md) from the zod schemas.
  --check  write nothing; exit 1 and list the files that are out of date
Example: npm run schemas -- --check`,
);
const stale: string[] = [];
for (const [path, content] of generatedSchemaFiles()) {
  const file = join(PROJECT_ROOT, path);
  const current = existsSync(file) ? readFileSync(file, "utf8") : null;
  if (current === content) continue;
  stale.push(path);
  if (!values.check) {
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, content);
  }
}
if (values.check && stale.length) {
  process.stderr.write(`schemas: stale, run npm run schemas: ${stale.join(", ")}\n`);
  process.exitCode = 1;
} else {
  process.stderr.write(stale.length ? `schemas: wrote ${stale.join(", ")}\n` : "schemas: all current\n");
}
