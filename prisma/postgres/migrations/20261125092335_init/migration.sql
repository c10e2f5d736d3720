-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ArticleStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'SCHEDULED', 'ARCHIVED');

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "paragraphs" JSONB NOT NULL,
    "status" "ArticleStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "sourceUrl" TEXT,
    "contentHash" TEXT,
    "leadImageTitle" TEXT,
    "leadImageCaption" TEXT,
    "leadImageCredit" TEXT,
    "leadImageAgency" TEXT,
    "leadImagePhotographerId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonAlias" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,

    CONSTRAINT "PersonAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleAuthor" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "roleAsWritten" TEXT,

    CONSTRAINT "ArticleAuthor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "roleAsWritten" TEXT,
    "firstParagraph" INTEGER NOT NULL,

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" SERIAL NOT NULL,
    "text" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "speakerId" INTEGER,
    "paragraph" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "isPartial" BOOLEAN NOT NULL DEFAULT false,
    "speakerRoleAsWritten" TEXT,
    "attribution" TEXT,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Teaser" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kicker" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "isTruncated" BOOLEAN NOT NULL DEFAULT false,
    "url" TEXT,
    "targetId" INTEGER,

    CONSTRAINT "Teaser_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_leadImagePhotographerId_idx" ON "Article"("leadImagePhotographerId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slug_key" ON "Person"("slug");

-- CreateIndex
CREATE INDEX "Person_name_idx" ON "Person"("name");

-- CreateIndex
CREATE INDEX "PersonAlias_alias_idx" ON "PersonAlias"("alias");

-- CreateIndex
CREATE UNIQUE INDEX "PersonAlias_personId_alias_key" ON "PersonAlias"("personId", "alias");

-- CreateIndex
CREATE INDEX "ArticleAuthor_personId_articleId_idx" ON "ArticleAuthor"("personId", "articleId");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleAuthor_articleId_personId_key" ON "ArticleAuthor"("articleId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleAuthor_articleId_position_key" ON "ArticleAuthor"("articleId", "position");

-- CreateIndex
CREATE INDEX "Mention_personId_articleId_idx" ON "Mention"("personId", "articleId");

-- CreateIndex
CREATE UNIQUE INDEX "Mention_articleId_personId_key" ON "Mention"("articleId", "personId");

-- CreateIndex
CREATE INDEX "Quote_speakerId_id_idx" ON "Quote"("speakerId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_articleId_position_key" ON "Quote"("articleId", "position");

-- CreateIndex
CREATE INDEX "Teaser_targetId_idx" ON "Teaser"("targetId");

-- CreateIndex
CREATE INDEX "Teaser_title_idx" ON "Teaser"("title");

-- CreateIndex
CREATE UNIQUE INDEX "Teaser_articleId_position_key" ON "Teaser"("articleId", "position");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_leadImagePhotographerId_fkey" FOREIGN KEY ("leadImagePhotographerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonAlias" ADD CONSTRAINT "PersonAlias_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAuthor" ADD CONSTRAINT "ArticleAuthor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAuthor" ADD CONSTRAINT "ArticleAuthor_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Teaser" ADD CONSTRAINT "Teaser_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Teaser" ADD CONSTRAINT "Teaser_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;
