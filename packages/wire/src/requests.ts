/** Request bodies the API takes (packages/emulator/API.md, "Endpoints" and "Generate bodies"). */

interface SizedGeneration {
  /** Widths of the size variants to make (default: the collection's `animation_sizes`). */
  sizes?: number[];
}

/** One generation; `type` decides which fields it needs. */
export type GenerateBody =
  /** A new image item (1 credit). */
  | ({ type: 'image'; name: string; image_prompt: string } & SizedGeneration)
  /** Regenerate: fresh assets on the same item (Masko keeps the old ones). */
  | { type: 'image'; item_id: string; image_prompt: string }
  /** Edit: new assets on the same item, made from `source_image_asset_id` (1 credit). */
  | { type: 'edit'; item_id: string; source_image_asset_id: string; edit_instructions: string }
  /** A new animated item (1 + 5 credits per second). */
  | ({ type: 'animation'; name: string; image_prompt: string; animation_prompt: string; duration: number; loop: boolean } & SizedGeneration)
  /** Animate an existing image (5 credits per second). */
  | { type: 'animation'; name: string; source_image_asset_id: string; animation_prompt: string; duration: number; loop: boolean }
  /** A transition between two images; `auto_reverse` adds the free reverse clip. */
  | {
      type: 'animation';
      name: string;
      source_image_asset_id: string;
      end_image_asset_id: string;
      animation_prompt: string;
      duration: number;
      auto_reverse: boolean;
    };

export interface CollectionCreateBody {
  project_id: string;
  name?: string;
  description?: string;
  reference_asset_ids?: string[];
  reference_image_urls?: string[];
  animation_sizes?: number[];
}

export interface CollectionUpdateBody {
  name?: string;
  slug?: string;
  description?: string;
  animation_sizes?: number[];
}

export interface GenerateAllBody {
  dry_run?: boolean;
  targets?: 'all' | 'images' | 'animations';
  skip_completed?: boolean;
  /** Seconds, for edges without one. */
  duration?: number;
}
