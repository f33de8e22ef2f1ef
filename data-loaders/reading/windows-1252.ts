/**
 * Windows-1252, the code page of RTF files by default and of many older saved pages. Node 20's
 * `TextDecoder("windows-1252")` decodes it as Latin-1, so that 0x80–0x9F (curly quotes, dashes, the euro
 * sign) come out as C1 control characters; this table gives what the WHATWG Encoding Standard and Windows
 * map them to (https://encoding.spec.whatwg.org/index-windows-1252.txt; the five bytes Windows leaves
 * undefined stay as their code points, as the standard says).
 */
const HIGH = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ";

/**
 * Decodes Windows-1252 bytes.
 * @example decodeWindows1252(Uint8Array.of(0x93, 0x61, 0x94)) // "“a”"
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80]! : String.fromCharCode(b);
  return out;
}
