import type { XmlNode } from "./xml-element.js";

/**
 * An element to write, or `undefined` when it has nothing to carry (no text and no children), so
 * optional fields of a model map to optional elements without a test at every call.
 */
export function xmlNode(
  namespace: string,
  name: string,
  content: string | readonly (XmlNode | undefined)[] | undefined,
  attributes?: Readonly<Record<string, string | undefined>>,
): XmlNode | undefined {
  if (content === undefined) return undefined;
  if (typeof content === "string") return { namespace, name, text: content, attributes };
  const children = content.filter((child) => child !== undefined);
  return children.length > 0 ? { namespace, name, children, attributes } : undefined;
}
