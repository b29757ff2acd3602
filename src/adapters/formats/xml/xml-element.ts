/** An element as read: namespace-resolved, with its own text and the path that names it in errors. */
export interface XmlElement {
  /** Namespace URI; "" for an element in no namespace. */
  namespace: string;
  /** Local name, without prefix. */
  name: string;
  /** Attributes in no namespace, by local name (e.g. `unitCode`, `schemeID`). */
  attributes: Readonly<Record<string, string>>;
  /** The element's own character data (text and CDATA directly inside it), as written. */
  text: string;
  children: readonly XmlElement[];
  /** Where the element is, as written, e.g. `/rsm:SPSCertificate/rsm:SPSConsignment/ram:IncludedSPSConsignmentItem[2]`. */
  path: string;
}

/** An element to write. Prefixes come from the namespace map given to `writeXml`. */
export interface XmlNode {
  namespace: string;
  name: string;
  attributes?: Readonly<Record<string, string | undefined>>;
  text?: string;
  children?: readonly (XmlNode | undefined)[];
}
