// Arrays spilled to a temporary file come back as they were written, before and after the buffer is flushed.
import { describe, expect, it } from "vitest";
import { ByteFile } from "../../data-loaders/common/byte-file.ts";
import { Int32File } from "../../data-loaders/common/int32-file.ts";

describe("ByteFile", () => {
  it("reads back each appended byte string by its offset, held or written, and copies a view of a larger buffer", () => {
    const file = new ByteFile("byte-file-test");
    const whole = Buffer.from("abcdefgh");
    const first = file.append(whole.subarray(2, 5));
    whole.fill(0);
    expect(file.read(first, 3).toString()).toBe("cde");
    // 3 MB more: the buffer of 1 MB is written out several times.
    const big = Buffer.alloc(3 << 20, 7);
    const bigAt = file.append(big);
    const last = file.append(Buffer.from("end"));
    expect(bigAt).toBe(3);
    expect(file.read(last, 3).toString()).toBe("end");
    expect(file.read(bigAt, big.length).equals(big)).toBe(true);
    expect(file.read(first, 3).toString()).toBe("cde");
    file.dispose();
  });
});

describe("Int32File", () => {
  it("reads back each appended array of integers, negative ones too, by its position in integers", () => {
    const file = new Int32File("int32-file-test");
    const a = file.append(Int32Array.of(1, -2, 3));
    const b = file.append(Int32Array.of(2 ** 31 - 1, -(2 ** 31)));
    expect([a, b]).toEqual([0, 3]);
    expect(Array.from(file.read(b, 2))).toEqual([2 ** 31 - 1, -(2 ** 31)]);
    const scratch = new Int32Array(8);
    expect(Array.from(file.read(a, 3, scratch))).toEqual([1, -2, 3]);
    file.dispose();
  });
});
