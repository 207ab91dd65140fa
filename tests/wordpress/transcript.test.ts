import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findTranscript, roleIn, speakersOf, type PostBlock } from "../../src/wordpress/transcript.ts";

const p = (text: string): PostBlock => ({ markdown: text, text, tag: "p" });
const h2 = (text: string): PostBlock => ({ markdown: `## ${text}`, text, tag: "h2" });

const notes = [
  h2("Open source explained through ramen"),
  p(
    "That is the quiet power behind my conversation with Maria Bracho, CTO for LATAM at Red Hat. Her story is not only about technology.",
  ),
];
const turns = [
  p("Alexis: [00:00:00] Welcome to another episode of Le Podcast on Emerging Leadership."),
  p("Maria: Hi, Alexis. It’s a pleasure to be in your podcast."),
  p("A second paragraph of Maria’s turn needs no label."),
  p("Alexis: So tell me [00:01:00] about ramen."),
  p("Maria: It started in Japan."),
];

describe("finding the transcript in a WordPress post", () => {
  it("splits show notes from the transcript at the line that introduces it, which becomes the heading", () => {
    const found = findTranscript([...notes, p("Here is the transcript of the episode:"), ...turns])!;
    assert.equal(found.heading, "Here is the transcript of the episode:");
    assert.deepEqual(found.showNotes, notes);
    assert.deepEqual(
      found.paragraphs,
      turns.map((t) => t.text),
    );
    assert.deepEqual(
      [...found.labels],
      [
        ["Alexis", 2],
        ["Maria", 2],
      ],
    );
  });

  it("finds a transcript with no introducing line, from its first turn, under the heading Transcript", () => {
    const found = findTranscript([...notes, ...turns])!;
    assert.equal(found.heading, "Transcript");
    assert.equal(found.showNotes.length, 2);
    assert.equal(found.paragraphs[0], turns[0]!.text);
  });

  it("takes a mark before the label as a turn too", () => {
    const found = findTranscript([
      p("Transcript"),
      p("[00:00:00] Alexis: Hello."),
      p("[00:00:05] Maria: Hi."),
      p("Alexis: Again."),
      p("Maria: Yes."),
    ])!;
    assert.deepEqual([...found.labels.keys()], ["Alexis", "Maria"]);
  });

  it("leaves an article alone: a quote with one label, or a sentence that mentions a transcript, is no interview", () => {
    assert.equal(
      findTranscript([p("Note: this post has no transcript."), p("Munger: invert, always invert."), p("Plain text.")]),
      null,
    );
    assert.equal(findTranscript([p("A transcript of the talk is on the conference's site, and it is long.")]), null);
  });
});

describe("who speaks", () => {
  it("makes the host's label the host, and finds the guest's full name and role in the show notes", () => {
    const found = findTranscript([...notes, p("Here is the transcript:"), ...turns])!;
    const speakers = speakersOf(found, "Alexis Monville", "posts/x/index.md");
    assert.deepEqual(speakers.labels, { Alexis: "Alexis Monville", Maria: "Maria Bracho" });
    assert.deepEqual(speakers.host, { name: "Alexis Monville" });
    assert.deepEqual(speakers.guests, [{ name: "Maria Bracho", role: "CTO for LATAM at Red Hat" }]);
    assert.deepEqual(speakers.warnings, []);
  });

  it("warns, naming the file, when a guest's full name or role cannot be told", () => {
    const found = findTranscript([
      p("We talked about trust."),
      p("Transcript:"),
      p("Alexis: Hello."),
      p("Bruce: Hi."),
      p("Alexis: So?"),
      p("Bruce: Well."),
    ])!;
    const speakers = speakersOf(found, "Alexis Monville", "posts/trust/index.md");
    assert.deepEqual(speakers.guests, [{ name: "Bruce" }]);
    assert.match(
      speakers.warnings.join("\n"),
      /posts\/trust\/index\.md: the guest "Bruce" is known only by this label/,
    );
  });

  it("does not take a label said once by nobody named so for a speaker", () => {
    const found = findTranscript([
      p("Transcript:"),
      p("Alexis: Hello."),
      p("Maria Bracho: Hi."),
      p("Note: the audio dropped here."),
      p("Alexis: So?"),
      p("Maria Bracho: Well."),
    ])!;
    const speakers = speakersOf(found, "Alexis Monville", "f");
    assert.deepEqual(speakers.notSpeakers, ["Note"]);
    assert.deepEqual(Object.keys(speakers.labels), ["Alexis", "Maria Bracho"]);
  });

  it("reads a role up to the end of its clause, without its article", () => {
    assert.equal(
      roleIn(
        "Michael Galloway",
        "I spoke with Michael Galloway, a platform and infrastructure leader with experience at Yahoo, Netflix, and HashiCorp. We",
      ),
      "Platform and infrastructure leader with experience at Yahoo, Netflix, and HashiCorp",
    );
    assert.equal(
      roleIn("Tamar Bercovici", "with Tamar Bercovici, VP of Engineering at Box."),
      "VP of Engineering at Box",
    );
    assert.equal(roleIn("Bruce Wang", "Bruce Wang (Netflix) says"), undefined);
  });
});

describe("roles said in other ways", () => {
  it("reads a role after the first name alone, and a role two guests share", () => {
    assert.equal(
      roleIn(
        "Bruce Wang",
        "In our conversation, Bruce, Director of Engineering at Netflix, describes the three pillars",
        "Bruce",
      ),
      "Director of Engineering at Netflix",
    );
    const notes = "I spoke with Tim Beattie and Bella Bardswell, co-founders of Stellafai, about what it takes.";
    assert.equal(roleIn("Tim Beattie", notes, "Tim"), "Co-founder of Stellafai");
    assert.equal(roleIn("Bella Bardswell", notes, "Bella"), "Co-founder of Stellafai");
  });
});
