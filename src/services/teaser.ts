// Teaser rules: a teaser points at the article whose headline matches its title, whichever arrived first.
import type { Prisma } from '../generated/prisma/client.js';

/** Links the article's own teasers to stored articles, and other articles' teasers to this one. */
export async function linkTeaserTargets(
  tx: Prisma.TransactionClient,
  articleId: number,
): Promise<void> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { headline: true, teasers: { select: { id: true, title: true } } },
  });
  await tx.teaser.updateMany({
    where: { title: article.headline, targetId: null, articleId: { not: articleId } },
    data: { targetId: articleId },
  });
  const titles = article.teasers.map((t) => t.title);
  if (titles.length === 0) return;
  const targets = await tx.article.findMany({
    where: { headline: { in: titles }, id: { not: articleId } },
    select: { id: true, headline: true },
  });
  for (const target of targets) {
    await tx.teaser.updateMany({
      where: { articleId, title: target.headline },
      data: { targetId: target.id },
    });
  }
}
