import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  currentTurnIndex,
  END_MARGIN,
  fragmentSeconds,
  isFinished,
  momentHash,
  playFromName,
  positionKey,
  readPosition,
  RESUME_FROM,
  resumeAt,
  shareWay,
} from "../../src/transcript/listening.ts";
import { formatTime } from "../../src/text/clock.ts";

describe("fragmentSeconds: the moment a #t= link opens", () => {
  it("reads seconds, clock times and the npt: prefix", () => {
    assert.equal(fragmentSeconds("#t=754"), 754);
    assert.equal(fragmentSeconds("#t=754.5"), 754.5);
    assert.equal(fragmentSeconds("#t=12:34"), 754);
    assert.equal(fragmentSeconds("#t=00:12:34"), 754);
    assert.equal(fragmentSeconds("#t=1:00:00"), 3600);
    assert.equal(fragmentSeconds("#t=npt:754"), 754);
  });

  it("takes the start of a range, and the time among other fragment parameters", () => {
    assert.equal(fragmentSeconds("#t=754,800"), 754);
    assert.equal(fragmentSeconds("#t=754&xywh=0,0,1,1"), 754);
  });

  it("is null for anything else", () => {
    for (const hash of ["", "#turn-12", "#t=", "#t=abc", "#t=12abc", "#t=1:2:3:4", "#t=12::34", "#t=.5.5", "#track=1"])
      assert.equal(fragmentSeconds(hash), null, hash);
  });

  it("reads back the links momentHash writes", () => {
    assert.equal(momentHash(754), "#t=754");
    assert.equal(momentHash(20.5), "#t=20.5");
    assert.equal(momentHash(1 / 3), "#t=0.333");
    for (const seconds of [0, 20.5, 754, 3600.25]) assert.equal(fragmentSeconds(momentHash(seconds)), seconds);
  });
});

describe("currentTurnIndex: the turn being said", () => {
  const starts = [0, 4, 8, 8, 20];

  it("is the last turn started at or before the time", () => {
    assert.equal(currentTurnIndex(starts, 0), 0);
    assert.equal(currentTurnIndex(starts, 3.99), 0);
    assert.equal(currentTurnIndex(starts, 4), 1);
    assert.equal(currentTurnIndex(starts, 8.5), 3);
    assert.equal(currentTurnIndex(starts, 19.9), 3);
    assert.equal(currentTurnIndex(starts, 9999), 4);
  });

  it("is the first turn before any has started, and -1 without turns", () => {
    assert.equal(currentTurnIndex([5, 10], 2), 0);
    assert.equal(currentTurnIndex([], 2), -1);
  });

  it("agrees with a plain scan on many turns", () => {
    const many = Array.from({ length: 200 }, (_, i) => i * 7.5);
    for (let t = 0; t < 1600; t += 3.3)
      assert.equal(currentTurnIndex(many, t), many.filter((start) => start <= t).length - 1);
  });
});

describe("resuming: where the listener stopped", () => {
  it("keys the position by the episode's URL path, with or without index.html", () => {
    assert.equal(positionKey("/en/2024/06/09/slug/"), "le-podcast:position:/en/2024/06/09/slug/");
    assert.equal(positionKey("/en/2024/06/09/slug/index.html"), positionKey("/en/2024/06/09/slug/"));
    assert.notEqual(positionKey("/repo/en/2024/06/09/slug/"), positionKey("/en/2024/06/09/slug/"));
  });

  it("reads back only a saved position", () => {
    assert.deepEqual(readPosition('{"position":754.2,"duration":1860}'), { position: 754.2, duration: 1860 });
    assert.deepEqual(readPosition('{"position":754.2,"duration":null}'), { position: 754.2, duration: null });
    for (const stored of [
      null,
      "",
      "754",
      "not json",
      "null",
      "[]",
      '{"position":"754"}',
      '{"position":-1,"duration":null}',
      '{"position":754}',
      '{"position":754,"duration":"long"}',
    ])
      assert.equal(readPosition(stored), null, String(stored));
  });

  it("offers to resume a position past the first seconds and before the last", () => {
    assert.equal(resumeAt({ position: 1394, duration: 1860 }, null), 1394);
    assert.equal(resumeAt({ position: RESUME_FROM, duration: 1860 }, null), RESUME_FROM);
    assert.equal(resumeAt({ position: RESUME_FROM - 0.1, duration: 1860 }, null), null, "barely started");
    assert.equal(resumeAt({ position: 1860 - END_MARGIN, duration: 1860 }, null), null, "finished");
    assert.equal(resumeAt({ position: 1394, duration: null }, null), 1394, "the duration unknown");
    assert.equal(resumeAt(null, null), null);
  });

  it("does not offer to resume when the link opens a moment of its own", () => {
    assert.equal(resumeAt({ position: 1394, duration: 1860 }, 754), null);
    assert.equal(resumeAt({ position: 1394, duration: 1860 }, 0), null);
  });

  it("counts the last seconds as finished, and nothing as finished without a duration", () => {
    assert.equal(isFinished(1850, 1860), true);
    assert.equal(isFinished(1849.9, 1860), false);
    assert.equal(isFinished(1860, null), false);
    assert.equal(isFinished(1860, Infinity), false);
  });

  it("writes the times as the transcript shows them", () => {
    assert.equal(formatTime(1394.8), "23:14");
    assert.equal(formatTime(13.2), "00:13");
    assert.equal(formatTime(3723), "1:02:03");
  });
});

describe("sharing a moment", () => {
  it("uses the share sheet only where the browser can share the link and the screen is touched", () => {
    assert.equal(shareWay(true, true), "share");
    assert.equal(shareWay(true, false), "copy");
    assert.equal(shareWay(false, true), "copy");
    assert.equal(shareWay(false, false), "copy");
  });

  it("names a turn's Play from here with its time and speaker, an estimate as about", () => {
    assert.equal(playFromName("12:34", "Maria Bracho"), "Play from here, 12:34, Maria Bracho");
    assert.equal(playFromName("~12:34", "Maria Bracho"), "Play from here, about 12:34, Maria Bracho");
  });
});
