/**
 * The Docs API's names for what the document model stores under DocumentApp's names: paragraph
 * alignment, named styles and text styles (https://developers.google.com/workspace/docs/api/reference/rest/v1/documents#paragraphstyle,
 * …#textstyle). Both services read and write the same attributes, so a style set through one is
 * what the other reports.
 */
import type { Attrs } from '../docs/model';

/* eslint-disable @typescript-eslint/no-explicit-any -- the API's shapes are untyped JSON */
type Json = any;

/**
 * ParagraphStyle.alignment: START, CENTER, END, JUSTIFIED ("START: The paragraph is aligned to the
 * start of the line. Left-aligned for LTR text"): DocumentApp's LEFT, CENTER, RIGHT, JUSTIFY for the
 * left-to-right text the emulator models.
 */
export const ALIGNMENT_TO_API: Record<string, string> = {
  LEFT: 'START',
  CENTER: 'CENTER',
  RIGHT: 'END',
  JUSTIFY: 'JUSTIFIED',
};
export const ALIGNMENT_FROM_API: Record<string, string> = Object.fromEntries(
  Object.entries(ALIGNMENT_TO_API).map(([k, v]) => [v, k]),
);

/** ParagraphStyle.namedStyleType for DocumentApp's ParagraphHeading. */
const NAMED_STYLES: Record<string, string> = {
  NORMAL: 'NORMAL_TEXT',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
};

export function paragraphStyleOf(attrs: Attrs): Json {
  const style: Json = {
    namedStyleType: NAMED_STYLES[String(attrs.HEADING ?? 'NORMAL')] ?? 'NORMAL_TEXT',
    direction: 'LEFT_TO_RIGHT',
  };
  const align = attrs.HORIZONTAL_ALIGNMENT;
  if (typeof align === 'string' && ALIGNMENT_TO_API[align]) style.alignment = ALIGNMENT_TO_API[align];
  return style;
}

/** "#rrggbb" as the API's OptionalColor (channels 0–1; a channel of 0 is left out, as the API does). */
function colorOf(hex: string): Json {
  const rgb: Json = {};
  const channels = ['red', 'green', 'blue'];
  channels.forEach((name, i) => {
    const value = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    if (value > 0) rgb[name] = value;
  });
  return { color: { rgbColor: rgb } };
}

/** A run's TextStyle: only what is set, as the API answers (unset fields are inherited). */
export function textStyleOf(attrs: Attrs): Json {
  const style: Json = {};
  for (const [key, field] of [
    ['BOLD', 'bold'],
    ['ITALIC', 'italic'],
    ['UNDERLINE', 'underline'],
    ['STRIKETHROUGH', 'strikethrough'],
  ] as const) {
    if (typeof attrs[key] === 'boolean') style[field] = attrs[key];
  }
  if (typeof attrs.FONT_SIZE === 'number') style.fontSize = { magnitude: attrs.FONT_SIZE, unit: 'PT' };
  // WeightedFontFamily: "weight … defaults to 400" (reference).
  if (typeof attrs.FONT_FAMILY === 'string')
    style.weightedFontFamily = { fontFamily: attrs.FONT_FAMILY, weight: 400 };
  if (typeof attrs.FOREGROUND_COLOR === 'string') style.foregroundColor = colorOf(attrs.FOREGROUND_COLOR);
  if (typeof attrs.BACKGROUND_COLOR === 'string') style.backgroundColor = colorOf(attrs.BACKGROUND_COLOR);
  if (typeof attrs.LINK_URL === 'string') style.link = { url: attrs.LINK_URL };
  return style;
}
