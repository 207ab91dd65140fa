import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { audioOf, clockDuration, isComplete } from "../../src/wordpress/audio.ts";
import { parseWxr } from "../../src/wordpress/wxr.ts";

function item(meta: Record<string, string>) {
  const entries = Object.entries(meta).map(([k, v]) => `<wp:postmeta><wp:meta_key><![CDATA[${k}]]></wp:meta_key><wp:meta_value><![CDATA[${v}]]></wp:meta_value></wp:postmeta>`);
  return parseWxr(`<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><wp:post_id>1</wp:post_id>${entries.join("")}</item></channel></rss>`).items[0]!;
}

describe("an episode's audio from a WordPress export", () => {
  it("reads the enclosure field with PowerPress's duration: complete, so audio: can be written", () => {
    const audio = audioOf(item({ enclosure: 'https://media.example.com/a.mp3\n31415926\naudio/mpeg\na:1:{s:8:"duration";s:8:"00:31:00";}' }), []);
    assert.deepEqual(audio, { url: "https://media.example.com/a.mp3", type: "audio/mpeg", length: 31415926, duration: "00:31:00" });
    assert.ok(isComplete(audio!));
  });

  it("takes an <audio> of the text when no field has one, its type from the extension, and says it is incomplete", () => {
    const audio = audioOf(item({}), ["https://media.example.com/tamar.m4a"])!;
    assert.deepEqual(audio, { url: "https://media.example.com/tamar.m4a", type: "audio/mp4", length: 0, duration: "" });
    assert.equal(isComplete(audio), false);
  });

  it("ignores what is not an http(s) address, and finds nothing in a post without audio", () => {
    assert.equal(audioOf(item({ enclosure: "javascript:alert(1)\n1\naudio/mpeg" }), ["data:audio/mp3;base64,AAAA"]), null);
    assert.equal(audioOf(item({}), []), null);
  });

  it("writes durations as hh:mm:ss", () => {
    assert.equal(clockDuration("31:00"), "00:31:00");
    assert.equal(clockDuration("1:02:03"), "01:02:03");
    assert.equal(clockDuration("1860"), "00:31:00");
    assert.equal(clockDuration("soon"), "");
  });
});
