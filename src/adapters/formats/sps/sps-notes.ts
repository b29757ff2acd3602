import type { ElementReader } from "../xml/element-reader.js";
import { BLANKABLE_FREE_TEXT } from "../xml/text-schemas.js";
import type { XmlNode } from "../xml/xml-element.js";
import { xmlNode } from "../xml/xml-node.js";
import { RAM } from "./sps-vocabulary.js";

/** An `SPSNote` as read: its subject, its first content and content code, and where it is. */
export interface SpsNote {
  subject: string;
  content: string;
  code: string | undefined;
  element: ElementReader;
}

/**
 * The notes named `name` under `parent` (`IncludedSPSNote`, `AdditionalInformationSPSNote`),
 * in order. A note in several languages has several `Content`; the first is read.
 */
export function readSpsNotes(parent: ElementReader, name: string): SpsNote[] {
  return parent.all(RAM, name).map((note) => ({
    subject: (note.optional(RAM, "Subject")?.text ?? note.optional(RAM, "SubjectCode")?.text ?? "")
      .trim()
      .toUpperCase(),
    content: note.all(RAM, "Content")[0]?.value(BLANKABLE_FREE_TEXT) ?? "",
    code: note.all(RAM, "ContentCode")[0]?.text.trim() || undefined,
    element: note,
  }));
}

/** A note element; `undefined` when it has neither content nor code. */
export function spsNoteNode(
  name: string,
  subject: string,
  content: string | undefined,
  code?: string,
): XmlNode | undefined {
  if (content === undefined && code === undefined) return undefined;
  return xmlNode(RAM, name, [
    xmlNode(RAM, "Subject", subject),
    xmlNode(RAM, "ContentCode", code),
    xmlNode(RAM, "Content", content ?? ""),
  ]);
}
