// The formula guard of every CSV download and coding file: each way a spreadsheet starts a formula (OWASP's
// list, the whitespace and full-width forms Excel and LibreOffice also run), and the values left alone.
import { describe, expect, it } from "vitest";
import { runsAsFormula, spreadsheetSafe, withoutFormulaGuard } from "../../data-loaders/portable/spreadsheet-safe.ts";

describe("spreadsheetSafe(text)", () => {
  it("quotes a cell starting with = + - @, a tab or a carriage return", () => {
    for (const text of ["=1+1", "+1+cmd", "-cmd", "@SUM(A1)", "\t=1", "\tplain", "\rplain", "-", "+"])
      expect(spreadsheetSafe(text), JSON.stringify(text)).toBe(`'${text}`);
  });
  it("quotes the DDE payload that starts like a negative number", () => {
    expect(spreadsheetSafe("-1+cmd|' /C calc'!A0")).toBe("'-1+cmd|' /C calc'!A0");
    expect(spreadsheetSafe("+1-2")).toBe("'+1-2");
    expect(spreadsheetSafe("-2e3=")).toBe("'-2e3=");
  });
  it("quotes a formula after leading spaces, line breaks and Unicode spaces", () => {
    for (const text of [" =1+1", "  @A1", "\n=1+1", "\r\n=1", "\u00a0=1", "\u3000=1", "\u2003+1", "\ufeff=1", " \t -1+1"])
      expect(spreadsheetSafe(text), JSON.stringify(text)).toBe(`'${text}`);
  });
  it("quotes the full-width forms ＝ ＋ － ＠, also after whitespace", () => {
    for (const text of ["＝1+1", "＋1", "－1+cmd", "＠SUM(A1)", " ＝1", "\u3000＠A1"])
      expect(spreadsheetSafe(text), JSON.stringify(text)).toBe(`'${text}`);
  });
  it("leaves plain numbers, signed or not, and ordinary text alone", () => {
    for (const text of ["-0.25", "-1", "+3", "0", "1e-5", "-.5", "12.", "Hegemon", "a = b", "e-mail", "—", "x＝1"])
      expect(spreadsheetSafe(text), JSON.stringify(text)).toBe(text);
  });
  it("reports what it guards through runsAsFormula", () => {
    expect(runsAsFormula(" =1")).toBe(true);
    expect(runsAsFormula("-0.25")).toBe(false);
  });
});

describe("withoutFormulaGuard(cell)", () => {
  it("gives back every guarded value, and keeps a ' that is the cell's own", () => {
    for (const text of ["=1+1", " =1", "-1+cmd|' /C calc'!A0", "＝1", "\tx", "-0.25", "'quoted", "plain"])
      expect(withoutFormulaGuard(spreadsheetSafe(text)), JSON.stringify(text)).toBe(text);
    expect(withoutFormulaGuard("'plain")).toBe("'plain");
  });
});
