import { describe, expect, it } from "vitest";
import { looksLikeDate, newsDate } from "../../data-loaders/reading/news-date.ts";

describe("newsDate(line)", () => {
  it("reads Nexis Uni's 'March 5, 2024 Tuesday' and Factiva's '5 March 2024'", () => {
    expect(newsDate("March 5, 2024 Tuesday")).toBe("2024-03-05");
    expect(newsDate("Tuesday, March 5, 2024 9:15 AM EST")).toBe("2024-03-05");
    expect(newsDate("5 March 2024")).toBe("2024-03-05");
    expect(newsDate("Sept. 30, 2023")).toBe("2023-09-30");
  });

  it("reads Dutch month names and abbreviations", () => {
    expect(newsDate("5 maart 2024 dinsdag")).toBe("2024-03-05");
    expect(newsDate("dinsdag 1 okt. 2024")).toBe("2024-10-01");
    expect(newsDate("31 mei 2024")).toBe("2024-05-31");
  });

  it("returns null for a day the month does not have, a month in another language, or no date", () => {
    expect(newsDate("February 30, 2024")).toBeNull();
    expect(newsDate("February 29, 2024")).toBe("2024-02-29");
    expect(newsDate("5. März 2024")).toBeNull();
    expect(looksLikeDate("5. März 2024")).toBe(true);
    expect(newsDate("Length: 512 words")).toBeNull();
    expect(looksLikeDate("Length: 512 words")).toBe(false);
  });
});
