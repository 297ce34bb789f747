import * as v from 'valibot';
import { ImageRef } from '../events/envelope.ts';

// Apart from answers.ts: the app never reads an upload's answer, so its bundle need not carry this.

/** The image types the server keeps, recognised by their first bytes. */
export const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof imageTypes)[number];

/** 201 (stored) or 200 (already there) from PUT /api/compounds/:compoundId/images/:hash. */
export const StoredImage = v.object({ hash: ImageRef, type: v.picklist(imageTypes) });
export type StoredImage = v.InferOutput<typeof StoredImage>;
