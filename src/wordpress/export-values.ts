/**
 * The addresses and MIME types the import takes from an export, checked before anything is
 * written: an edited or broken export can hold a line break, a quote or a parenthesis that would
 * end the value where it is written (a YAML line, a Markdown link). What fails is left out and
 * reported, naming the post and the field.
 */
import { AUDIO_TYPE } from "../posts/schema.ts";
import { BREAKS_OUT_OF_AN_ADDRESS } from "../site/links.ts";

/** An absolute http(s) URL the WHATWG URL parser reads, holding nothing that would end it where it is written. */
export function isAddress(text: string): boolean {
  if (!/^https?:\/\//i.test(text) || BREAKS_OUT_OF_AN_ADDRESS.test(text)) return false;
  try {
    return new URL(text).hostname !== "";
  } catch {
    return false;
  }
}

/** An audio MIME type as the post schema takes it. */
export const isAudioType = (text: string): boolean => AUDIO_TYPE.test(text);

/** Called with each value of an export that is left out: the field it was in, the value, and what it should have been. */
export type Reject = (field: string, value: string, expected: string) => void;

export const AN_ADDRESS = "an http(s) address";
export const AN_AUDIO_TYPE = "an audio MIME type";

/** A value as the report shows it: in JSON's quotes, with every character that could end or hide a line escaped. */
export const shownValue = (value: string): string =>
  JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\p{Cf}]/gu,
    (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, "0")}`,
  );

/** A Reject that adds `<item>: its <field> "<value>" is not <expected>: left out` to `warnings`. */
export const rejectInto =
  (warnings: string[], item: string): Reject =>
  (field, value, expected) =>
    warnings.push(`${item}: its ${field} ${shownValue(value)} is not ${expected}: left out`);

/** The value when it is an address; else null, and a value that was given is rejected. */
export function checkedAddress(value: string | undefined, field: string, reject: Reject): string | null {
  const text = value?.trim() ?? "";
  if (!text) return null;
  if (isAddress(text)) return text;
  reject(field, text, AN_ADDRESS);
  return null;
}
