/**
 * What the batchUpdate requests share: the document they apply to (a working copy, laid out again
 * after a request that moves indices), their errors, field masks, ranges and table locations.
 * Sources: https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/request
 * (Range: "startIndex … endIndex … exclusive … segmentId: The ID of the header, footer, or footnote
 * that this range is contained in. An empty segment ID signifies the document's body"; Location;
 * the requests' `fields`: "At least one field must be specified. The root … is implied and should
 * not be specified. A single "*" can be used as short-hand for listing every field").
 */
import type { EmulatorContext } from '../../core/context';
import type { DocContent, TableNode } from '../docs/model';
import { parseMask } from '../advancedSheets/spreadsheets';
import type { SegmentLayout, TableSpan } from './layout';
import { layoutSection, segmentOf } from './layout';

/* eslint-disable @typescript-eslint/no-explicit-any -- requests are untyped JSON, as the API takes them */
export type Json = any;

/** An invalid request: reported as `Invalid requests[i].kind: text`. */
export class Invalid extends Error {}

/**
 * A value outside an enum (or of the wrong type), which the API refuses while parsing the body:
 * `Invalid value at 'requests[0].update_paragraph_style.paragraph_style.alignment' (TYPE_ENUM), "RIGHT"`
 * (the shape of Google's JSON parsing errors; unverified for Docs). `path` is below the request.
 */
export class InvalidValue extends Error {
  constructor(
    readonly path: string,
    readonly value: unknown,
  ) {
    super(`Invalid value at ${path}`);
  }
}

/** The document a batch works on: a copy, laid out per segment on demand. */
export class DocView {
  private layouts = new Map<string, SegmentLayout>();

  constructor(
    private readonly ctx: EmulatorContext,
    readonly content: DocContent,
  ) {}

  /** The segment a `segmentId` names, laid out; a header or footer the document lacks is refused. */
  segment(segmentId: unknown): SegmentLayout {
    const key = String(segmentId ?? '');
    let layout = this.layouts.get(key);
    if (!layout) {
      const section = segmentOf(this.content, segmentId);
      // unverified: the API's text for a segment that does not exist.
      if (!section) throw new Invalid(`Segment with ID ${key} was not found.`);
      layout = layoutSection(this.ctx, section);
      this.layouts.set(key, layout);
    }
    return layout;
  }

  /** After a request that inserts or deletes content: the indices move. */
  moved(): void {
    this.layouts.clear();
  }
}

function integer(value: unknown, name: string): number {
  if (!Number.isInteger(value)) throw new Invalid(`${name} must be an integer`); // unverified
  return value as number;
}

/**
 * A Range, checked against its segment. A range past the segment's end gets the API's text, seen in
 * public reports ("Index 10 must be less than the end index of the referenced segment, 5."); the
 * other texts are the emulator's (unverified). The body's index 0 is its opening section break.
 */
export function rangeIn(view: DocView, range: Json): { segment: SegmentLayout; start: number; end: number } {
  if (!range || typeof range !== 'object') throw new Invalid('range is required'); // unverified
  for (const key of Object.keys(range))
    if (!['startIndex', 'endIndex', 'segmentId'].includes(key))
      throw new Invalid(`Not emulated: range.${key}`);
  const segment = view.segment(range.segmentId);
  const start = integer(range.startIndex, 'range.startIndex');
  const end = integer(range.endIndex, 'range.endIndex');
  const first = range.segmentId ? 0 : 1;
  if (start < first) throw new Invalid(`The range's start index must be at least ${first}.`); // unverified
  if (end <= start) throw new Invalid('The range should not be empty.'); // unverified
  if (end > segment.end)
    throw new Invalid(
      `Index ${end - 1} must be less than the end index of the referenced segment, ${segment.end}.`,
    );
  return { segment, start, end };
}

/** The table a `tableStartLocation` names: its index must be a table's start index. */
export function tableAt(view: DocView, location: Json): TableSpan & { node: TableNode } {
  if (!location || typeof location !== 'object') throw new Invalid('tableStartLocation is required'); // unverified
  for (const key of Object.keys(location))
    if (!['index', 'segmentId'].includes(key)) throw new Invalid(`Not emulated: tableStartLocation.${key}`);
  const segment = view.segment(location.segmentId);
  const index = integer(location.index, 'tableStartLocation.index');
  const span = segment.tables.find((t) => t.start === index);
  // unverified: the API's text for a location that is not a table's start.
  if (!span)
    throw new Invalid(`The provided table start location is invalid: no table starts at index ${index}.`);
  return span;
}

/** The message Google gives a missing or empty `fields` (the Sheets API's, seen in real runs; unverified for Docs). */
const NO_FIELDS = "At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)";

/**
 * A request's `fields`: required, each a field of the style object (`known`); those the emulator
 * models are `emulated`, the others `Not emulated`, as is "*" (it would reset every field the model
 * does not hold).
 */
export function fieldsOf(
  fields: unknown,
  known: readonly string[],
  emulated: readonly string[],
): Set<string> {
  if (typeof fields !== 'string' || fields.trim() === '') throw new Invalid(NO_FIELDS);
  let mask: Record<string, unknown>;
  try {
    mask = parseMask(fields);
  } catch (error) {
    throw new Invalid((error as Error).message);
  }
  const out = new Set<string>();
  for (const [field, below] of Object.entries(mask)) {
    if (field === '*') throw new Invalid("Not emulated: fields '*'");
    // unverified: the API's text for a field the style object does not have.
    if (!known.includes(field)) throw new Invalid(`Invalid field selection ${field}`);
    if (!emulated.includes(field) || Object.keys(below as object).length > 0)
      throw new Invalid(`Not emulated: fields ${fields}`);
    out.add(field);
  }
  return out;
}

/** Refuses a key of `body` outside `keys` as not emulated (the API has more than the product uses). */
export function allowOnly(body: Json, keys: readonly string[], what: string): void {
  for (const key of Object.keys(body ?? {}))
    if (!keys.includes(key)) throw new Invalid(`Not emulated: ${what}.${key}`);
}

/** A Dimension in points: `{ magnitude, unit: 'PT' }`. */
export function points(value: Json, path: string): number {
  if (!value || typeof value !== 'object') throw new Invalid(`${path} is required`); // unverified
  allowOnly(value, ['magnitude', 'unit'], path);
  if (value.unit !== 'PT') throw new InvalidValue(`${path}.unit`, value.unit);
  if (typeof value.magnitude !== 'number' || !Number.isFinite(value.magnitude))
    throw new InvalidValue(`${path}.magnitude`, value.magnitude);
  return value.magnitude;
}

/**
 * One request kind: checks its body against the view (throwing Invalid) and applies it; returns its
 * reply, or undefined for none.
 */
export type RequestHandler = (ctx: EmulatorContext, view: DocView, body: Json) => Json | undefined;
