import { SaxesParser, type SaxesTagNS } from "saxes";
import { ValidationError } from "../../../domain/errors.js";
import type { XmlElement } from "./xml-element.js";

/** How much XML one message may hold. */
export interface XmlLimits {
  /** Largest document in UTF-8 bytes. */
  maxBytes: number;
  /** Deepest nesting of elements (the root is depth 1). */
  maxDepth: number;
}

/** Real certificates are tens of kilobytes and ten levels deep; these bounds leave ample room. */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 64 };

interface OpenElement {
  element: XmlElement & { children: XmlElement[] };
  chunks: string[];
  /** How many children of each qualified name so far, for the `[n]` in paths. */
  seen: Map<string, number>;
}

/**
 * Reads an XML document into an element tree, safely: the size is checked before parsing, and a
 * DOCTYPE (so any entity declaration or external reference), a processing instruction, an
 * undefined entity or nesting beyond the limit stops parsing at once with `ValidationError`.
 * Nothing is ever expanded or fetched. Bytes must be UTF-8.
 */
export function readXml(
  input: string | Uint8Array,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
  /** The path of the element this document is embedded in, if any, so errors point into the outer one. */
  within = "",
): XmlElement {
  const fromBytes = typeof input !== "string";
  const xml = fromBytes ? decodeUtf8(input, limits) : checkedString(input, limits);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;

  parser.on("doctype", () => {
    throw new ValidationError(
      "The XML has a DOCTYPE declaration, which is not accepted (it can declare entities and reference " +
        "external files). Send the document without its <!DOCTYPE …>.",
    );
  });
  parser.on("processinginstruction", (pi) => {
    throw new ValidationError(
      `The XML has a processing instruction <?${pi.target} …?>, which is not accepted. Remove it and send the document again.`,
    );
  });
  parser.on("xmldecl", (declaration) => {
    const encoding = declaration.encoding?.toUpperCase();
    if (fromBytes && encoding !== undefined && encoding !== "UTF-8" && encoding !== "UTF8") {
      throw new ValidationError(
        `The XML declares encoding "${declaration.encoding}"; only UTF-8 is accepted. Send the document in UTF-8.`,
      );
    }
  });
  parser.on("opentagstart", (tag) => {
    if (stack.length + 1 > limits.maxDepth) {
      throw new ValidationError(
        `The XML nests elements more than ${limits.maxDepth} deep (at <${tag.name}>); no certificate needs that. ` +
          "Send the certificate itself.",
      );
    }
  });
  parser.on("opentag", (tag) => {
    const parent = stack.at(-1);
    const element = newElement(tag, parent, within);
    if (parent) parent.element.children.push(element);
    else root = element;
    stack.push({ element, chunks: [], seen: new Map() });
  });
  parser.on("text", (text) => stack.at(-1)?.chunks.push(text));
  parser.on("cdata", (text) => stack.at(-1)?.chunks.push(text));
  parser.on("closetag", () => {
    const open = stack.pop();
    if (open) open.element.text = open.chunks.join("");
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(
      `The XML is not well-formed: ${error instanceof Error ? error.message : String(error)}. Correct it and send it again.`,
      {},
      { cause: error },
    );
  }
  if (!root) throw new ValidationError("The XML has no root element. Send a certificate document.");
  return root;
}

function newElement(
  tag: SaxesTagNS,
  parent: OpenElement | undefined,
  within: string,
): XmlElement & { children: XmlElement[] } {
  const attributes: Record<string, string> = {};
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.uri === "" && attribute.prefix === "" && attribute.name !== "xmlns") {
      attributes[attribute.local] = attribute.value;
    }
  }
  let step = tag.name;
  if (parent) {
    const count = (parent.seen.get(tag.name) ?? 0) + 1;
    parent.seen.set(tag.name, count);
    if (count > 1) step = `${tag.name}[${count}]`;
  }
  return {
    namespace: tag.uri,
    name: tag.local,
    attributes,
    text: "",
    children: [],
    path: `${parent?.element.path ?? within}/${step}`,
  };
}

function tooLarge(limits: XmlLimits): ValidationError {
  return new ValidationError(
    `The XML is larger than ${limits.maxBytes} bytes, the most one certificate message may hold. ` +
      "Send one certificate per message, without embedded attachments.",
    { maxBytes: limits.maxBytes },
  );
}

function checkedString(xml: string, limits: XmlLimits): string {
  // Every UTF-16 unit is at least one UTF-8 byte: a long string is refused without being measured.
  if (xml.length > limits.maxBytes || Buffer.byteLength(xml, "utf8") > limits.maxBytes) throw tooLarge(limits);
  return xml.startsWith("\uFEFF") ? xml.slice(1) : xml;
}

function decodeUtf8(bytes: Uint8Array, limits: XmlLimits): string {
  if (bytes.byteLength > limits.maxBytes) throw tooLarge(limits);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ValidationError("The XML is not valid UTF-8. Send the document encoded in UTF-8.", {}, { cause: error });
  }
}
