// Minimal typings for the dev test dependency `webvtt-parser` (it ships none).
declare module "webvtt-parser" {
  export interface WebVTTCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: WebVTTNode[] };
  }
  export interface WebVTTNode {
    type: string;
    name?: string;
    value?: string;
    classes?: string[];
    children?: WebVTTNode[];
  }
  export interface WebVTTError {
    message: string;
    line: number;
    col?: number;
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(
      input: string,
      mode?: "metadata" | "chapters" | string,
    ): { cues: WebVTTCue[]; errors: WebVTTError[]; styles: string[] };
  }
}
