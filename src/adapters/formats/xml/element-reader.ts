import type { z } from "zod";
import { ValidationError } from "../../../domain/errors.js";
import type { XmlElement } from "./xml-element.js";

/**
 * Read access to an element that reports problems by element path: a missing required child, a
 * child given twice where one is allowed, a value its schema refuses. Children are found by
 * namespace and local name, wherever they stand, so element order never matters. `prefixes`
 * (namespace → prefix) names elements that are missing, which have no written prefix to show.
 */
export class ElementReader {
  readonly element: XmlElement;
  private readonly prefixes: ReadonlyMap<string, string>;

  constructor(element: XmlElement, prefixes: ReadonlyMap<string, string>) {
    this.element = element;
    this.prefixes = prefixes;
  }

  get path(): string {
    return this.element.path;
  }

  /** The element's text, as written. */
  get text(): string {
    return this.element.text;
  }

  attribute(name: string): string | undefined {
    return this.element.attributes[name];
  }

  /** Every child of that name, in document order. */
  all(namespace: string, name: string): ElementReader[] {
    return this.element.children
      .filter((child) => child.namespace === namespace && child.name === name)
      .map((child) => new ElementReader(child, this.prefixes));
  }

  /** The child of that name, if there is one; given more than once, it is an error. */
  optional(namespace: string, name: string): ElementReader | undefined {
    const found = this.all(namespace, name);
    if (found.length > 1) {
      throw this.problem(
        found[1].path,
        `appears ${found.length} times where one is allowed; keep one ${this.qualified(namespace, name)}`,
      );
    }
    return found[0];
  }

  /** The child of that name; `hint` says what it holds, for the message when it is missing. */
  required(namespace: string, name: string, hint: string): ElementReader {
    const found = this.optional(namespace, name);
    if (!found) throw this.problem(`${this.path}/${this.qualified(namespace, name)}`, `missing; add ${hint}`);
    return found;
  }

  /** The element's text (or the named attribute's value) through the schema; refused values name the path. */
  value<T>(schema: z.ZodType<T>, attribute?: string): T {
    const input = attribute === undefined ? this.text : this.attribute(attribute);
    const where = attribute === undefined ? this.path : `${this.path}/@${attribute}`;
    if (input === undefined) throw this.problem(where, "missing");
    const result = schema.safeParse(input);
    if (!result.success) throw this.problem(where, `${result.error.issues[0].message} (found "${clip(input)}")`);
    return result.data;
  }

  /** The text of the optional child, through the schema; `undefined` when the child is absent or blank. */
  optionalValue<T>(schema: z.ZodType<T>, namespace: string, name: string): T | undefined {
    const child = this.optional(namespace, name);
    return child && child.text.trim() !== "" ? child.value(schema) : undefined;
  }

  /** A `ValidationError` about the element at `path`, with what to do about it. */
  problem(path: string, message: string): ValidationError {
    return new ValidationError(`${path}: ${message}. Correct the XML and send it again.`, { path });
  }

  private qualified(namespace: string, name: string): string {
    const prefix = this.prefixes.get(namespace);
    return prefix ? `${prefix}:${name}` : name;
  }
}

function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}
