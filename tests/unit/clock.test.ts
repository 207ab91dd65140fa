/** src/text/clock.ts: clock times read and written, for transcripts, captions, the front matter and the importer. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  formatClock,
  formatHms,
  formatTime,
  isoDuration,
  pad2,
  parseClock,
  wholeSeconds,
} from "../../src/text/clock.ts";

// The same inputs on every run, so that a run fails for a reason, not by chance.
fc.configureGlobal({ seed: 20261206 });

/** Up to 200 hours, in milliseconds. */
const millis = fc.integer({ min: 0, max: 200 * 3_600_000 });

describe("writing clock times", () => {
  it("pad2 writes two digits at least", () => {
    assert.deepEqual([0, 7, 42, 123].map(pad2), ["00", "07", "42", "123"]);
  });

  it("wholeSeconds floors, forgiving a hair under the second, and makes 0 of what is not a time", () => {
    assert.deepEqual([0, 1.999, 2.9999999999, 59.5].map(wholeSeconds), [0, 1, 3, 59]);
    assert.deepEqual([-1, Number.NaN, Number.POSITIVE_INFINITY].map(wholeSeconds), [0, 0, 0]);
  });

  it("formatTime gives mm:ss under an hour, h:mm:ss otherwise", () => {
    assert.equal(formatTime(0), "00:00");
    assert.equal(formatTime(754.2), "12:34");
    assert.equal(formatTime(3599.999), "59:59");
    assert.equal(formatTime(3600), "1:00:00");
    assert.equal(formatTime(37925), "10:32:05");
    assert.equal(formatTime(90000), "25:00:00");
    assert.equal(formatTime(-5), "00:00");
  });

  it("formatHms gives hh:mm:ss, seconds floored, over 24 and 99 hours too", () => {
    assert.equal(formatHms(0), "00:00:00");
    assert.equal(formatHms(1860), "00:31:00");
    assert.equal(formatHms(3723.9), "01:02:03");
    assert.equal(formatHms(90000), "25:00:00");
    assert.equal(formatHms(360000), "100:00:00");
  });

  it("formatClock gives hh:mm:ss.mmm, rounded to the millisecond", () => {
    assert.equal(formatClock(0), "00:00:00.000");
    assert.equal(formatClock(1), "00:00:01.000");
    assert.equal(formatClock(3723.4567), "01:02:03.457");
    assert.equal(formatClock(59.9996), "00:01:00.000");
    assert.equal(formatClock(90000.5), "25:00:00.500");
    assert.equal(formatClock(Number.NaN), "00:00:00.000");
  });

  it("isoDuration gives PT…H…M…S", () => {
    assert.equal(isoDuration(0), "PT0S");
    assert.equal(isoDuration(60), "PT1M");
    assert.equal(isoDuration(754.2), "PT12M34S");
    assert.equal(isoDuration(3605), "PT1H5S");
    assert.equal(isoDuration(90000), "PT25H");
  });
});

describe("parseClock", () => {
  it("reads hh:mm:ss, h:mm:ss and mm:ss, with a fraction after . or , or none", () => {
    assert.equal(parseClock("01:02:03"), 3723);
    assert.equal(parseClock("1:02:03"), 3723);
    assert.equal(parseClock("02:03"), 123);
    assert.equal(parseClock("2:03"), 123);
    assert.equal(parseClock("00:00:03.480"), 3.48);
    assert.equal(parseClock("00:00:03,48"), 3.48);
    assert.equal(parseClock("00:03.5"), 3.5);
    assert.equal(parseClock(" 00:31:00 "), 1860);
  });

  it("reads any number of hours, and minutes over 59 without hours (a caption's 75:00.000)", () => {
    assert.equal(parseClock("100:00:00"), 360000);
    assert.equal(parseClock("25:00:00"), 90000);
    assert.equal(parseClock("75:00.000"), 4500);
  });

  it("refuses what is not a clock", () => {
    for (const text of [
      "",
      "3",
      "1:2:3",
      "00:60",
      "00:61:00",
      "01:02:03.4567",
      "01:02:03.",
      "a:bc",
      "-1:00",
      "01:02:03:04",
    ]) {
      assert.equal(parseClock(text), null, text);
    }
  });
});

describe("clock times written and read back", () => {
  it("formatClock, then parseClock: the time to the millisecond", () => {
    fc.assert(fc.property(millis, (ms) => assert.equal(parseClock(formatClock(ms / 1000)), ms / 1000)));
  });

  it("formatHms and formatTime, then parseClock: the whole seconds", () => {
    fc.assert(
      fc.property(millis, (ms) => {
        const seconds = Math.floor(ms / 1000);
        assert.equal(parseClock(formatHms(ms / 1000)), seconds);
        assert.equal(parseClock(formatTime(ms / 1000)), seconds);
      }),
    );
  });

  it("parseClock, then formatHms: the front matter's hh:mm:ss as written", () => {
    const hms = fc
      .tuple(fc.integer({ min: 0, max: 150 }), fc.nat(59), fc.nat(59))
      .map((parts) => parts.map(pad2).join(":"));
    fc.assert(fc.property(hms, (text) => assert.equal(formatHms(parseClock(text)!), text)));
  });
});
