import { MAX_FREE_TEXT, MAX_IDENTIFIER, MAX_NAME, blankableText, text } from "../../../domain/documents/text.js";

/**
 * The model's text schemas, built once: readers check thousands of values, and a zod schema is
 * cheap to run but not to build.
 */
export const IDENTIFIER_TEXT = text(MAX_IDENTIFIER);
export const NAME_TEXT = text(MAX_NAME);
export const FREE_TEXT = text(MAX_FREE_TEXT);
export const BLANKABLE_NAME = blankableText(MAX_NAME);
export const BLANKABLE_FREE_TEXT = blankableText(MAX_FREE_TEXT);
