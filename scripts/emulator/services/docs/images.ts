import type { EmulatorContext } from '../../core/context';
import { blobOf } from '../../core/blob';
import type { ImageNode, ParagraphNode, Run } from './model';

/**
 * Inline images from a BlobSource (Body.insertImage / appendImage, Paragraph.appendInlineImage):
 * https://developers.google.com/apps-script/reference/document/body#insertImage(Integer,BlobSource)
 * https://developers.google.com/apps-script/reference/document/inline-image
 * Docs takes PNG, JPEG and GIF (the Docs API's list; the same list for DocumentApp is unverified).
 */

/** Width and height in pixels read from the image's own header, or null when it is none of the three. */
export function imageSize(bytes: Buffer): { contentType: string; width: number; height: number } | null {
  if (
    bytes.length >= 24 &&
    bytes.readUInt32BE(0) === 0x89504e47 &&
    bytes.toString('latin1', 12, 16) === 'IHDR'
  ) {
    return { contentType: 'image/png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 10 && /^GIF8[79]a$/.test(bytes.toString('latin1', 0, 6))) {
    return { contentType: 'image/gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    // JPEG: walk the segments to the first start-of-frame marker.
    for (let i = 2; i + 9 < bytes.length;) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      const length = bytes.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return {
          contentType: 'image/jpeg',
          width: bytes.readUInt16BE(i + 7),
          height: bytes.readUInt16BE(i + 5),
        };
      }
      i += 2 + length;
    }
  }
  return null;
}

/**
 * The image of a BlobSource, at its own size in pixels ("the image's natural size"; whether Docs
 * shrinks a wide image to the page is unverified, so the stricter reading keeps it as it is).
 * Null when `value` is no BlobSource; a blob that is not a PNG, JPEG or GIF is refused.
 */
export function imageFromBlob(ctx: EmulatorContext, value: unknown): ImageNode | null {
  const blob = blobOf(value);
  if (!blob) return null;
  const size = imageSize(blob._bytes);
  // unverified: Google's text for a blob that is not an image.
  if (!size) throw ctx.fail('Invalid image data.');
  return { type: 'INLINE_IMAGE', data: blob._bytes.toString('base64'), offset: 0, ...size };
}

/** A paragraph's content in order: text runs and images (an image at offset k stands after k characters). */
export function inlineParts(p: ParagraphNode): Array<Run | ImageNode> {
  const images = [...(p.images ?? [])].sort((a, b) => a.offset - b.offset);
  const out: Array<Run | ImageNode> = [];
  let pos = 0;
  for (const run of p.runs) {
    const end = pos + run.text.length;
    let cut = pos;
    while (images.length && images[0]!.offset < end) {
      const image = images.shift()!;
      if (image.offset > cut)
        out.push({ text: run.text.slice(cut - pos, image.offset - pos), attrs: run.attrs });
      out.push(image);
      cut = Math.max(cut, image.offset);
    }
    if (cut < end) out.push({ text: run.text.slice(cut - pos), attrs: run.attrs });
    pos = end;
  }
  out.push(...images);
  return out;
}

export function isImage(part: Run | ImageNode): part is ImageNode {
  return 'type' in part && part.type === 'INLINE_IMAGE';
}
