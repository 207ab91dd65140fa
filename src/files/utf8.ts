/**
 * The text files authors write and the exports they bring (posts, transcripts, data files, a
 * WordPress export, a caption file) are UTF-8. They are read with a fatal decoder, so that a file
 * saved in another encoding (Latin-1, Windows-1252, UTF-16) stops with its file, the line and
 * column of its first byte that is not UTF-8, and what to do, instead of being read as
 * "Caf� cr�me" without a word. A leading byte order mark is dropped.
 */
import { readFileSync } from "node:fs";

/** A file that is not UTF-8; `reason` is the message without its `file:line:column: `. */
export class NotUtf8Error extends Error {
  override name = "NotUtf8Error";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

// ignoreBOM keeps a U+FEFF where it is: only the one at the very start of a file is dropped, by us.
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const BOM = "\uFEFF";

/** A file's text from its bytes; `file` is the file as messages name it. Throws NotUtf8Error. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return withoutBom(decoder.decode(bytes));
  } catch {
    throw notUtf8(bytes, file, { line: 1, column: 1, atStart: true });
  }
}

/** Reads a file as UTF-8 (`shown` is the file as messages name it). Throws NotUtf8Error, or the file system's error. */
export function readUtf8File(file: string, shown = file): string {
  return decodeUtf8(readFileSync(file), shown);
}

/**
 * A large file read in chunks (a WordPress export): `write` each chunk as it comes, then `end`.
 * A character cut between two chunks is kept until the next; lines and columns count from the
 * file's top.
 */
export class Utf8Stream {
  #pending: Uint8Array = new Uint8Array(0);
  #position: Position = { line: 1, column: 1, atStart: true };

  constructor(readonly file: string) {}

  write(chunk: Uint8Array): string {
    const bytes = this.#pending.length ? concat(this.#pending, chunk) : chunk;
    const end = completeEnd(bytes);
    this.#pending = bytes.slice(end);
    const part = bytes.subarray(0, end);
    let text: string;
    try {
      text = decoder.decode(part);
    } catch {
      throw notUtf8(part, this.file, this.#position);
    }
    if (!part.length) return "";
    if (this.#position.atStart) text = withoutBom(text);
    this.#position = { ...advance(this.#position, text), atStart: false };
    return text;
  }

  /** The end of the file: a character left unfinished there is an error. */
  end(): string {
    if (this.#pending.length) throw notUtf8(this.#pending, this.file, this.#position);
    return "";
  }
}

interface Position {
  line: number;
  column: number;
  /** Nothing read yet: a byte order mark here is dropped. */
  atStart: boolean;
}

const withoutBom = (text: string) => (text.startsWith(BOM) ? text.slice(1) : text);

/** Where `text` ends when it starts at `from`: lines and columns count characters, as editors do. */
function advance(from: Position, text: string): Position {
  if (!text) return from;
  const lastBreak = text.lastIndexOf("\n");
  const tail = lastBreak < 0 ? text : text.slice(lastBreak + 1);
  let lines = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines += 1;
  let characters = 0;
  for (const _ of tail) characters += 1;
  return { line: from.line + lines, column: (lastBreak < 0 ? from.column : 1) + characters, atStart: from.atStart };
}

/** The error for the first byte of `bytes` (read from `from`) that is not UTF-8. */
function notUtf8(bytes: Uint8Array, file: string, from: Position): NotUtf8Error {
  const offset = firstInvalidByte(bytes);
  let before = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, offset));
  if (from.atStart) before = withoutBom(before);
  const { line, column } = advance(from, before);
  return new NotUtf8Error(file, line, column, `not UTF-8: ${whatItIs(bytes, offset, from.atStart && offset === 0)}`);
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;

/**
 * Windows-1252's characters for bytes 0x80 to 0x9F (a space where it has none: Latin-1's control
 * characters); from 0xA0 on it is Latin-1, whose bytes are the first 256 code points. Written
 * out: Node's TextDecoder reads "windows-1252" as Latin-1.
 */
const WINDOWS_1252 = [..."€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ"].map((c) => c.trim());

/** A byte as Windows-1252 reads it, as a message shows it; null for a byte it has no character for. */
function windows1252(byte: number): string | null {
  if (byte < 0x80) return null;
  if (byte === 0xa0) return "a no-break space";
  if (byte === 0xad) return "a soft hyphen";
  const character = byte < 0xa0 ? WINDOWS_1252[byte - 0x80] : String.fromCharCode(byte);
  return character ? `"${character}"` : null;
}

/** What the byte at `offset` is, with the encoding the file is likely saved in, and what to do. */
function whatItIs(bytes: Uint8Array, offset: number, fileStart: boolean): string {
  const byte = bytes[offset] ?? 0;
  const next = bytes[offset + 1];
  if (fileStart && ((byte === 0xff && next === 0xfe) || (byte === 0xfe && next === 0xff)))
    return "the file is UTF-16 (it starts with UTF-16's byte order mark): save it as UTF-8";
  const rest = bytes.subarray(offset + 1);
  const following = byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : 1;
  if (
    byte >= 0xc2 &&
    byte <= 0xf4 &&
    rest.length > 0 &&
    rest.length < following &&
    rest.every((b) => (b & 0xc0) === 0x80)
  )
    return `the file ends in the middle of a character (byte ${hex(byte)}): save it as UTF-8`;
  const character = windows1252(byte);
  if (character)
    return `byte ${hex(byte)} is ${character} in Latin-1 (Windows-1252), which the file looks saved in: open it as Latin-1 and save it as UTF-8`;
  return `byte ${hex(byte)} is no UTF-8 character: save the file as UTF-8`;
}

/** The offset of the first byte of the first sequence that is not UTF-8 (a character cut off at the end included). */
function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    // The second byte's range depends on the first (no overlong forms, no surrogates, nothing past U+10FFFF).
    let following: number;
    let low = 0x80;
    let high = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) following = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      following = 2;
      if (byte === 0xe0) low = 0xa0;
      if (byte === 0xed) high = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      following = 3;
      if (byte === 0xf0) low = 0x90;
      if (byte === 0xf4) high = 0x8f;
    } else return index;
    for (let k = 1; k <= following; k++) {
      const continuation = bytes[index + k];
      if (continuation === undefined || continuation < (k === 1 ? low : 0x80) || continuation > (k === 1 ? high : 0xbf))
        return index;
    }
    index += following + 1;
  }
  return bytes.length;
}

/** Where the last whole character of `bytes` ends: a character its chunk cut off waits for the next chunk. */
function completeEnd(bytes: Uint8Array): number {
  for (let index = bytes.length - 1; index >= Math.max(0, bytes.length - 3); index--) {
    const byte = bytes[index]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return index + length > bytes.length ? index : bytes.length;
  }
  return bytes.length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}
