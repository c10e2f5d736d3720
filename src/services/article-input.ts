// What editors may send to create or change an article, and the checks it must pass (zod): the
// input types the schema's inputs match, and their validation with field paths.
import { z } from 'zod';

/** A lead image as checked: blank text is null. */
export type ValidLeadImage = z.infer<typeof leadImageInput>;

export type LeadImageInput = {
  title?: string | null;
  caption?: string | null;
  credit?: string | null;
  agency?: string | null;
  /** The photographer's Person global ID. */
  photographer?: string | null;
};

export type TeaserInput = {
  title: string;
  summary: string;
  kicker?: string | null;
  url?: string | null;
};

export type CreateArticleInput = {
  headline: string;
  slug?: string | null;
  paragraphs: string[];
  /** Person global IDs, in byline order. */
  authors?: string[] | null;
  leadImage?: LeadImageInput | null;
  teasers?: TeaserInput[] | null;
};

export type UpdateArticleInput = {
  id: string;
  expectedVersion?: number | null;
  headline?: string | null;
  paragraphs?: string[] | null;
  authors?: string[] | null;
  /** Null removes the lead image; omitted keeps it. */
  leadImage?: LeadImageInput | null;
  teasers?: TeaserInput[] | null;
};

export type DeleteArticleInput = { id: string; expectedVersion?: number | null };

export type RestoreArticleRevisionInput = { revision: string; expectedVersion?: number | null };

const MAX_HEADLINE = 300;
export const MAX_SLUG = 100;

/** Optional text: trimmed, and blank is the same as absent. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

const headline = z.string().trim().min(1).max(MAX_HEADLINE);

// Blank paragraphs are dropped; what is left must say something.
const paragraphs = z
  .array(z.string())
  .transform((list) => list.map((p) => p.trim()).filter((p) => p !== ''))
  .pipe(z.array(z.string()).min(1, 'an article needs at least one paragraph with text'));

export const leadImageInput = z
  .object({
    title: optionalText(MAX_HEADLINE),
    caption: optionalText(2000),
    credit: optionalText(MAX_HEADLINE),
    agency: optionalText(100),
    photographer: z.string().nullish(),
  })
  // Article.leadImage is null without one of these (rules/article.ts), so the photo would be lost.
  .refine((image) => image.title || image.caption || image.credit, {
    message: 'a lead image needs a title, a caption or a credit',
  });

const teaser = z.object({
  title: z.string().trim().min(1).max(MAX_HEADLINE),
  summary: z.string().trim().max(2000),
  kicker: optionalText(100),
  url: z
    .url({ protocol: /^https?$/ })
    .nullish()
    .transform((value) => value ?? null),
});

export const createArticleInput = z.object({
  headline,
  slug: z
    .string()
    .max(MAX_SLUG)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters and digits joined by single hyphens')
    .nullish(),
  paragraphs,
  authors: z.array(z.string()).nullish(),
  leadImage: leadImageInput.nullish(),
  teasers: z.array(teaser).nullish(),
});

// Null for headline, paragraphs, authors or teasers means "not given", as omitting them does.
export const updateArticleInput = z.object({
  headline: headline.nullish(),
  paragraphs: paragraphs.nullish(),
  authors: z.array(z.string()).nullish(),
  leadImage: leadImageInput.nullish(),
  teasers: z.array(teaser).nullish(),
});
