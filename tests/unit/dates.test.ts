import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isoDateTime, machineDate, parseSiteDate, readableDate, urlDatePath } from "../../src/dates/dates.ts";

describe("dates in the site's time zone", () => {
  for (const zone of ["America/Los_Angeles", "Pacific/Honolulu", "Europe/Paris", "Pacific/Kiritimati"]) {
    it(`keeps a calendar date on its day in ${zone}`, () => {
      const date = parseSiteDate("2024-06-09", zone);
      assert.ok(date);
      assert.equal(readableDate(date), "June 9, 2024");
      assert.equal(machineDate(date), "2024-06-09");
      assert.equal(urlDatePath(date), "2024/06/09");
      assert.equal(date.zoneName, zone);
    });
  }

  it("reads a date-time with an offset as that instant, shown in the site's zone", () => {
    const date = parseSiteDate("2024-06-09T03:00:00Z", "America/Los_Angeles");
    assert.ok(date);
    assert.equal(machineDate(date), "2024-06-08");
    assert.equal(isoDateTime(date), "2024-06-08T20:00:00-07:00");
  });

  it("writes RFC 3339 with the zone's offset, winter and summer", () => {
    assert.equal(isoDateTime(parseSiteDate("2024-01-24", "America/Los_Angeles")!), "2024-01-24T00:00:00-08:00");
    assert.equal(isoDateTime(parseSiteDate("2024-06-09", "America/Los_Angeles")!), "2024-06-09T00:00:00-07:00");
  });

  it("refuses text that is not an ISO date", () => {
    for (const text of ["June 9, 2024", "2024-13-01", "2024-02-30", "", "09/06/2024"]) {
      assert.equal(parseSiteDate(text, "Europe/Paris"), null, text);
    }
  });

  it("formats in the site's language", () => {
    assert.equal(readableDate(parseSiteDate("2024-06-09", "Europe/Paris")!, "fr"), "9 juin 2024");
  });
});
