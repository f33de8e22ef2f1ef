// The site's archive (data/corpus.zip) is the same bytes wherever it is made, and reads back entry for entry.
import { PassThrough } from "node:stream";
import { unzipSync, strFromU8 } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { createZipWriter } from "../../data-loaders/publish/write-zip.ts";

async function archive(entries: ReadonlyArray<[string, string | Uint8Array, number]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const zip = createZipWriter(out);
  for (const [name, content, level] of entries) zip.add(name, content, level);
  await zip.finish();
  return Buffer.concat(chunks);
}

const ENTRIES: ReadonlyArray<[string, string | Uint8Array, number]> = [
  ["articles.json", '{"a":"één"}', 6],
  ["articles/a.json", Buffer.from('{"id":"a","text":"Hegemon – vassal"}'), 0],
  ["rows/a.json", "x".repeat(3 << 20), 0],
  ["empty.json", "", 0],
];

describe("createZipWriter(out)", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("writes the same bytes in every time zone, east or west of Greenwich", async () => {
    const made = [];
    for (const tz of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"]) {
      process.env.TZ = tz;
      made.push(await archive(ENTRIES));
    }
    expect(made[1]!.equals(made[0]!)).toBe(true);
    expect(made[2]!.equals(made[0]!)).toBe(true);
  });

  it("gives back every entry's bytes, stored or deflated, with valid checksums", async () => {
    const files = unzipSync(new Uint8Array(await archive(ENTRIES)));
    expect(Object.keys(files)).toEqual(ENTRIES.map(([name]) => name));
    for (const [name, content] of ENTRIES)
      expect(strFromU8(files[name]!)).toBe(typeof content === "string" ? content : Buffer.from(content).toString());
  });
});
