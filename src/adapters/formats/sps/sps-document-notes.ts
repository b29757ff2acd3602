import { z } from "zod";
import { countryCodeSchema, locodeSchema } from "../../../domain/documents/codes.js";
import { isoDateSchema } from "../../../domain/documents/iso-date.js";
import { partySchema, type Party } from "../../../domain/documents/parties.js";
import type { Place } from "../../../domain/documents/transport.js";
import type { ElementReader } from "../xml/element-reader.js";
import { IDENTIFIER_TEXT } from "../xml/text-schemas.js";
import { readSpsNotes, type SpsNote } from "./sps-notes.js";
import { NOTE, PHYTO_TYPE_CODE, RAM, REEXPORT_TYPE_CODE } from "./sps-vocabulary.js";

const booleanSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(["true", "false"], { error: 'expected "True" or "False"' }))
  .transform((value) => value === "true");

/**
 * The `IncludedSPSNote`s of an exchanged document, read by subject: additional declarations,
 * distinguishing marks, the replacement and re-export boxes, and the notes tradeseal writes for
 * model fields the SPS form has no element for.
 */
export class SpsDocumentNotes {
  private readonly header: ElementReader;
  private readonly notes: SpsNote[];

  constructor(header: ElementReader) {
    this.header = header;
    this.notes = readSpsNotes(header, "IncludedSPSNote");
  }

  /** The first note with this subject. */
  find(subject: string): SpsNote | undefined {
    return this.notes.find((note) => note.subject === subject);
  }

  /** The note's text, or `undefined` when there is no such note. */
  text(subject: string): string | undefined {
    return this.find(subject)?.content;
  }

  /** The note's (first) content through the schema; a refused value names the content's path. */
  value<T>(subject: string, schema: z.ZodType<T>): T | undefined {
    return this.find(subject)?.element.all(RAM, "Content")[0]?.value(schema);
  }

  /** A place: its UN/LOCODE as the content code, its name as the content. */
  place(subject: string): Place | undefined {
    const note = this.find(subject);
    if (!note) return undefined;
    const code = note.element.all(RAM, "ContentCode")[0]?.value(locodeSchema);
    const name = note.content === "" ? undefined : note.content;
    return code === undefined && name === undefined ? undefined : { code, name };
  }

  /** A party written as JSON. */
  party(subject: string): Party | undefined {
    const note = this.find(subject);
    if (!note) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(note.element.all(RAM, "Content")[0]?.text ?? "");
    } catch {
      throw note.element.problem(note.element.path, "holds no JSON; expected the party as a JSON object");
    }
    const result = partySchema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw note.element.problem(
        note.element.path,
        `has a party whose ${issue.path.join(".") || "value"} is wrong: ${issue.message}`,
      );
    }
    return result.data;
  }

  /** Every additional declaration (ADEDL): its code and its text. */
  additionalDeclarations(): { code: string | undefined; text: string }[] {
    return this.notes
      .filter((note) => note.subject === NOTE.additionalDeclaration)
      .map((note) => ({ code: note.code, text: note.content }));
  }

  /** The certificate this one replaces (ADRPN, ADRPR, ADRD). */
  replacement() {
    const number = this.find(NOTE.replacedNumber);
    if (!number) {
      const orphan = this.find(NOTE.replacementReason) ?? this.find(NOTE.replacementDate);
      if (orphan) {
        throw orphan.element.problem(
          orphan.element.path,
          `is a replacement note without the replaced certificate's number; add an IncludedSPSNote with Subject ${NOTE.replacedNumber}`,
        );
      }
      return undefined;
    }
    return {
      certificateNumber: this.value(NOTE.replacedNumber, IDENTIFIER_TEXT),
      date: this.value(NOTE.replacementDate, isoDateSchema),
      reason: this.text(NOTE.replacementReason),
    };
  }

  /** The re-export boxes (RPC*), required on a re-export and refused on any other certificate. */
  reExport(isReExport: boolean) {
    const original = this.find(NOTE.reExportOriginalNumber);
    const country = this.find(NOTE.reExportOriginCountry);
    if (!isReExport) {
      const stray = original ?? country;
      if (stray) {
        throw stray.element.problem(
          stray.element.path,
          `is a re-export note on a certificate of type ${PHYTO_TYPE_CODE}; use TypeCode ${REEXPORT_TYPE_CODE} for a re-export, or remove the note`,
        );
      }
      return undefined;
    }
    if (!original || !country) {
      throw this.header.problem(
        `${this.header.path}/ram:IncludedSPSNote`,
        `missing on a re-export (${REEXPORT_TYPE_CODE}); add notes with Subject ${NOTE.reExportOriginalNumber} ` +
          `(the original certificate's number) and ${NOTE.reExportOriginCountry} (the country that issued it)`,
      );
    }
    return {
      originalCertificateNumber: this.value(NOTE.reExportOriginalNumber, IDENTIFIER_TEXT),
      originCountry: this.value(NOTE.reExportOriginCountry, countryCodeSchema),
      repacked: this.value(NOTE.reExportRepacked, booleanSchema),
      newContainers: this.value(NOTE.reExportNewContainers, booleanSchema),
      additionalInspection: this.value(NOTE.reExportAdditionalInspection, booleanSchema),
    };
  }
}
