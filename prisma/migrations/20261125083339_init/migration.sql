-- CreateTable
CREATE TABLE "Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "paragraphs" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishedAt" DATETIME,
    "sourceUrl" TEXT,
    "contentHash" TEXT,
    "leadImageTitle" TEXT,
    "leadImageCaption" TEXT,
    "leadImageCredit" TEXT,
    "leadImageAgency" TEXT,
    "leadImagePhotographerId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_leadImagePhotographerId_fkey" FOREIGN KEY ("leadImagePhotographerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PersonAlias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    CONSTRAINT "PersonAlias_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleAuthor" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "roleAsWritten" TEXT,
    CONSTRAINT "ArticleAuthor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleAuthor_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "roleAsWritten" TEXT,
    "firstParagraph" INTEGER NOT NULL,
    CONSTRAINT "Mention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "text" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "speakerId" INTEGER,
    "paragraph" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "isPartial" BOOLEAN NOT NULL DEFAULT false,
    "speakerRoleAsWritten" TEXT,
    "attribution" TEXT,
    CONSTRAINT "Quote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Quote_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Teaser" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kicker" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "isTruncated" BOOLEAN NOT NULL DEFAULT false,
    "url" TEXT,
    "targetId" INTEGER,
    CONSTRAINT "Teaser_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Teaser_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
