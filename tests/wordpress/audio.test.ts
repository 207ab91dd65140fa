import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { audioOf, clockDuration, isComplete } from "../../src/wordpress/audio.ts";
import { parseWxr } from "../../src/wordpress/wxr.ts";

/** What audioOf rejected, as `field: value`. */
let rejected: string[] = [];
const reject = (field: string, value: string) => rejected.push(`${field}: ${value}`);

/** An item with these meta fields, set as they are (XML would turn a carriage return into a line feed, and cannot hold NUL). */
function item(meta: Record<string, string>) {
  const wp = parseWxr(
    `<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><wp:post_id>1</wp:post_id></item></channel></rss>`,
  ).items[0]!;
  for (const [key, value] of Object.entries(meta)) wp.meta.set(key, value);
  return wp;
}

describe("an episode's audio from a WordPress export", () => {
  it("reads the enclosure field with PowerPress's duration: complete, so audio: can be written", () => {
    const audio = audioOf(
      item({
        enclosure: 'https://media.example.com/a.mp3\n31415926\naudio/mpeg\na:1:{s:8:"duration";s:8:"00:31:00";}',
      }),
      [],
      reject,
    );
    assert.deepEqual(audio, {
      url: "https://media.example.com/a.mp3",
      type: "audio/mpeg",
      length: 31415926,
      duration: "00:31:00",
    });
    assert.ok(isComplete(audio!));
  });

  it("takes an <audio> of the text when no field has one, its type from the extension, and says it is incomplete", () => {
    const audio = audioOf(item({}), ["https://media.example.com/tamar.m4a"], reject)!;
    assert.deepEqual(audio, { url: "https://media.example.com/tamar.m4a", type: "audio/mp4", length: 0, duration: "" });
    assert.equal(isComplete(audio), false);
  });

  it("rejects what is not an http(s) address, and finds nothing in a post without audio", () => {
    rejected = [];
    assert.equal(
      audioOf(item({ enclosure: "javascript:alert(1)\n1\naudio/mpeg" }), ["data:audio/mp3;base64,AAAA"], reject),
      null,
    );
    assert.deepEqual(rejected, [
      "enclosure field's address: javascript:alert(1)",
      "audio player in the text: data:audio/mp3;base64,AAAA",
    ]);
    rejected = [];
    assert.equal(audioOf(item({}), [], reject), null);
    assert.deepEqual(rejected, []);
  });

  it("takes an address only when nothing in it can end a line, a quoted value or a Markdown link", () => {
    for (const url of [
      "https://media.example.com/a b.mp3",
      'https://media.example.com/"a".mp3',
      "https://media.example.com/a.mp3)",
      "https://media.example.com/<a>.mp3",
      "https://media.example.com/a\u2028.mp3",
      "https://media.example.com/a\u0000.mp3",
      "https://",
      "http:media.example.com/a.mp3",
    ]) {
      rejected = [];
      assert.equal(audioOf(item({ audio_file: url }), [], reject), null, url);
      assert.deepEqual(rejected, [`audio_file field: ${url}`]);
    }
  });

  it("takes a type only when it is an audio MIME type, else the address's extension's, and a size only when it is digits", () => {
    rejected = [];
    const audio = audioOf(
      item({ enclosure: "https://media.example.com/a.m4a\n1e9\naudio/mp4 ; codecs=x\rdraft: true" }),
      [],
      reject,
    );
    assert.deepEqual(audio, { url: "https://media.example.com/a.m4a", type: "audio/mp4", length: 0, duration: "" });
    assert.deepEqual(rejected, ["enclosure field's type: audio/mp4 ; codecs=x\rdraft: true"]);
    assert.equal(
      audioOf(item({ enclosure: "https://media.example.com/a.m4a\n12\nAudio/X-M4A" }), [], reject)!.type,
      "audio/x-m4a",
    );
  });

  it("writes durations as hh:mm:ss", () => {
    assert.equal(clockDuration("31:00"), "00:31:00");
    assert.equal(clockDuration("1:02:03"), "01:02:03");
    assert.equal(clockDuration("1860"), "00:31:00");
    assert.equal(clockDuration("soon"), "");
  });
});
