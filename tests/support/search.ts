import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

export interface SearchRecord {
  /** Pagefind's id of the record: its fragment's file name. */
  id: string;
  /** The URL a reader follows, as Pagefind's own JavaScript takes it: the `url` meta, else the record's. */
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: { id: string; title?: string }[];
}

/** Every record of the Pagefind index in `<out>/pagefind`: its fragments are gzip files holding "pagefind_dcd" and a JSON record. */
export function readSearchRecords(out: string): SearchRecord[] {
  const dir = path.join(out, "pagefind/fragment");
  return readdirSync(dir).map((file) => {
    const record = JSON.parse(
      gunzipSync(readFileSync(path.join(dir, file)))
        .toString("utf8")
        .slice("pagefind_dcd".length),
    ) as Omit<SearchRecord, "url" | "id"> & { url: string };
    return { ...record, id: path.basename(file, ".pf_fragment"), url: record.meta.url ?? record.url };
  });
}
