import { create } from "xmlbuilder2";
import { ValidationError } from "../../../domain/errors.js";
import type { XmlNode } from "./xml-element.js";

type XMLBuilder = ReturnType<typeof create>;

const XMLNS = "http://www.w3.org/2000/xmlns/";
/** Characters XML 1.0 cannot carry at all (the Char production), e.g. U+FFFE. */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Serializes an element tree as UTF-8 XML with an XML declaration, indented. `prefixes` maps each
 * namespace URI to the prefix to write it with ("" for the default namespace); all are declared on
 * the root. Absent children and attributes are skipped; text is escaped by the builder.
 */
export function writeXml(root: XmlNode, prefixes: ReadonlyMap<string, string>): string {
  const document = create({ version: "1.0", encoding: "UTF-8" });
  const element = document.ele(root.namespace, qualifiedName(root, prefixes));
  for (const [namespace, prefix] of prefixes) {
    if (namespace !== root.namespace) element.att(XMLNS, prefix === "" ? "xmlns" : `xmlns:${prefix}`, namespace);
  }
  fill(element, root, prefixes);
  return document.end({ prettyPrint: true });
}

function fill(element: XMLBuilder, node: XmlNode, prefixes: ReadonlyMap<string, string>): void {
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    if (value !== undefined) element.att(name, checked(value, `${node.name}/@${name}`));
  }
  if (node.text !== undefined) element.txt(checked(node.text, node.name));
  for (const child of node.children ?? []) {
    if (child) fill(element.ele(child.namespace, qualifiedName(child, prefixes)), child, prefixes);
  }
}

function qualifiedName(node: XmlNode, prefixes: ReadonlyMap<string, string>): string {
  const prefix = prefixes.get(node.namespace);
  if (prefix === undefined) throw new RangeError(`no prefix is given for namespace ${node.namespace}`);
  return prefix === "" ? node.name : `${prefix}:${node.name}`;
}

function checked(value: string, where: string): string {
  if (NOT_XML_CHARACTER.test(value)) {
    throw new ValidationError(
      `The value of ${where} holds a character XML cannot carry (such as U+FFFE); remove it and try again.`,
    );
  }
  return value;
}
