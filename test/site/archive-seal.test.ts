// The seal of the site's cached archive (scripts/archive-seal.ts): each kind of damage is told apart, in the
// words `npm run build` reports before it analyses again. The build's own reaction to a damaged archive (it
// says so, analyses again and publishes what a cold build does) is checked end to end, on one kind of damage,
// in test/site/rebuild.site.test.ts; these are the others, without a build each.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { archiveProblem, sealArchive, sealOf } from "../../scripts/archive-seal.ts";

const FINGERPRINT = "a".repeat(64);
const BYTES = Buffer.from("PK\u0003\u0004 an archive of 40 bytes, more or less..");

/** A sealed archive in a folder of its own. */
function sealedArchive(): string {
  const zip = join(mkdtempSync(join(tmpdir(), "archive-seal-")), "corpus.zip");
  writeFileSync(zip, BYTES);
  sealArchive(zip, FINGERPRINT);
  return zip;
}

describe("archiveProblem(zip, fingerprint)", () => {
  it("finds nothing wrong with an archive as it was sealed", () => {
    expect(archiveProblem(sealedArchive(), FINGERPRINT)).toBeNull();
  });

  it("tells apart bytes changed in place, an emptied archive, a removed seal and other inputs", () => {
    const changed = sealedArchive();
    const bytes = readFileSync(changed);
    bytes.write("XXXX", Math.floor(bytes.length / 2), "latin1");
    writeFileSync(changed, bytes);
    expect(archiveProblem(changed, FINGERPRINT)).toBe(
      "does not match its seal (its content does not match its SHA-256): damaged, or replaced since",
    );

    const emptied = sealedArchive();
    writeFileSync(emptied, "");
    expect(archiveProblem(emptied, FINGERPRINT)).toBe(
      `does not match its seal (it holds 0 bytes where its seal says ${BYTES.length}): damaged, or replaced since`,
    );

    const unsealed = sealedArchive();
    rmSync(sealOf(unsealed));
    expect(archiveProblem(unsealed, FINGERPRINT)).toBe("has no seal (made by npm run dev, or an interrupted build)");

    expect(archiveProblem(sealedArchive(), "b".repeat(64))).toBe("was made from other inputs");
  });
});
