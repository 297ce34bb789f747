import type { Category } from '../events/request.ts';
import type { World } from './World.ts';

/** The kinds of scene the sample's pictures show. */
export const scenes = ['blocks', 'stairs', 'garden', 'lamp', 'parking'] as const;
export type Scene = (typeof scenes)[number];

/** Stored images the sample may show, by hash: scenes (requests, results, listings) and paper (receipts, quotes, sheets). */
export interface SampleImages {
  scenes: Readonly<Record<Scene, string>>;
  papers: readonly string[];
}

/** Which scenes a photo of a request of each category may show. */
export const categoryScenes: Readonly<Record<Category, readonly Scene[]>> = {
  parking: ['parking', 'blocks'],
  'fire-lane': ['parking', 'blocks'],
  'ev-charging': ['parking', 'stairs'],
  greenery: ['garden'],
  roads: ['parking', 'garden'],
  lighting: ['lamp', 'stairs'],
  elevator: ['stairs', 'blocks'],
  property: ['stairs', 'blocks'],
  elderly: ['blocks', 'stairs'],
  children: ['garden', 'blocks'],
  safety: ['stairs', 'blocks'],
  other: ['blocks', 'garden'],
};

/** Up to `n` different pictures of a scene fitting the category: stored images, or `n` made-up hashes. */
export function photoRefs(world: World, n: number, category?: Category): string[] {
  const images = world.images;
  if (!images) return Array.from({ length: n }, () => world.rng.imageRef());
  return world.rng.sample(category ? categoryScenes[category] : scenes, n).map((scene) => images.scenes[scene]);
}

/** A picture of a paper (a receipt, a quote, a signed sheet). */
export function paperRef(world: World): string {
  const pool = world.images?.papers;
  return pool?.length ? world.rng.pick(pool) : world.rng.imageRef();
}
