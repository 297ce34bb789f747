import * as v from 'valibot';
import { defineEvent, ImageRefs, Line, Text } from './envelope.ts';

/** Category keys are stable; labels live in the catalogs. */
export const categories = [
  'parking',
  'fire-lane',
  'ev-charging',
  'greenery',
  'roads',
  'lighting',
  'elevator',
  'property',
  'elderly',
  'children',
  'safety',
  'other',
] as const;
export type Category = (typeof categories)[number];
export const CategorySchema = v.picklist(categories);

export const RequestRaised = defineEvent('request.raised', {
  title: Line(200),
  category: CategorySchema,
  detail: v.optional(Text(4000)),
  location: v.optional(Line(100)),
  photos: v.optional(ImageRefs),
});

export const requestEvents = [RequestRaised] as const;
