/**
 * npx tsx scripts/tone-vectors.ts --out <file> [--eval <folder>] [--design <name>]
 * Writes the development headlines' TF-IDF vectors of a Dutch news-tone design (scripts/tone-designs.ts), as
 * the five-fold cross-validation of `npm run fit:tone` makes them (idf from the training folds), so
 * scripts/tone-reference.py can fit scikit-learn's optimisers on exactly the project's features and tell the
 * optimiser from the design (issue 30). One JSON line per fold and headline: { fold, train (whether the
 * headline trains this fold), label (-1, 0, 1), features, values }. Feature names only, no headline text;
 * the file is for measurement and stays outside the project.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { toneVector, vocabulary } from "../data-loaders/tone/news-tone-features.ts";
import { parseCommandLine } from "./cli-args.ts";
import { designShares, DESIGNS, SHIPPED } from "./tone-designs.ts";
import { readToneDevelopment, toneFold } from "./tone-development.ts";

const { values } = parseCommandLine(
  "tone-vectors",
  "usage: npx tsx scripts/tone-vectors.ts --out <file> [--eval <folder>] [--design <name>]",
  {
    options: {
      eval: { type: "string", default: join(PROJECT_ROOT, "..", "shared", "eval") },
      out: { type: "string" },
      design: { type: "string", default: SHIPPED.design },
    },
  },
  `
Writes the cross-validation's TF-IDF vectors of one design (default the shipped one) for scripts/tone-reference.py.
  --out <file>     where the vectors go (JSON lines)
  --eval <folder>  the labelled data (default ../shared/eval)
  --design <name>  one of ${Object.keys(DESIGNS).join(", ")}`,
);
if (!values.out) throw new Error("tone-vectors: --out <file> is required");
const design = DESIGNS[values.design!];
if (!design) throw new Error(`tone-vectors: no design ${values.design}`);
const development = readToneDevelopment(values.eval!);
const shares = designShares(development, design);
const lines: string[] = [];
for (let k = 0; k < 5; k++) {
  const idf = vocabulary(
    shares.filter((_, i) => toneFold(development.rows[i]!.id) !== k),
    design.minGramCount,
  );
  development.rows.forEach((row, i) => {
    const { features, values: weights } = toneVector(shares[i]!, idf, design.counts, design.lengths);
    lines.push(JSON.stringify({ fold: k, train: toneFold(row.id) !== k, label: row.label, features, values: weights }));
  });
}
writeFileSync(values.out, `${lines.join("\n")}\n`);
process.stderr.write(`tone-vectors: ${lines.length} vectors of design '${values.design}' written to ${values.out}\n`);
