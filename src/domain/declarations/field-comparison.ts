/** A value of the draft and the certificate it was taken from. */
export interface DraftField<T> {
  value: T;
  certificateId: string;
}

/** Something a certificate states (its document, one of its lines, its registry facts), with the certificate. */
export interface Source<S> {
  certificateId: string;
  /** The certificate's registry type, e.g. "COO_PREFERENTIAL", so a reader sees which document says what. */
  type: string;
  of: S;
}

/** A field on which the certificates of a consignment do not agree: every certificate's value, as written. */
export interface Disagreement {
  field: string;
  values: { value: string; certificateId: string; type: string }[];
}

export interface Rule<T> {
  /** The value as a customs officer reads it, e.g. "48000 NAR". */
  show: (value: T) => string;
  /** Whether two stated values say the same; by default their shown forms, ignoring case. */
  agree?: (a: T, b: T) => boolean;
}

const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Compares what the certificates of one consignment state, field by field, and keeps every field
 * on which they disagree. Sources come in order of precedence: the draft takes the first value.
 */
export class FieldComparison {
  readonly disagreements: Disagreement[] = [];

  /** The first stated value, after flagging the field if another source states one that does not agree. */
  settle<S, T>(
    field: string,
    sources: readonly Source<S>[],
    rule: Rule<T>,
    value: (of: S) => T | undefined,
  ): DraftField<T> | undefined {
    this.compare(field, sources, rule, value);
    return this.pick(sources, value);
  }

  /** The first stated value, compared with nothing (its parts are compared on their own). */
  pick<S, T>(sources: readonly Source<S>[], value: (of: S) => T | undefined): DraftField<T> | undefined {
    for (const source of sources) {
      const stated = value(source.of);
      if (stated !== undefined) return { value: stated, certificateId: source.certificateId };
    }
    return undefined;
  }

  /** Flags the field when two stated values do not agree. */
  compare<S, T>(field: string, sources: readonly Source<S>[], rule: Rule<T>, value: (of: S) => T | undefined): void {
    const stated = sources.flatMap((source) => {
      const of = value(source.of);
      return of === undefined ? [] : [{ ...source, value: of }];
    });
    const agree = rule.agree ?? ((a: T, b: T) => sameText(rule.show(a), rule.show(b)));
    const allAgree = stated.every((s, i) => stated.slice(i + 1).every((t) => agree(s.value, t.value)));
    if (!allAgree) {
      this.disagreements.push({
        field,
        values: stated.map((s) => ({ value: rule.show(s.value), certificateId: s.certificateId, type: s.type })),
      });
    }
  }
}
