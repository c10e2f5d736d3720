-- CreateTable
CREATE TABLE "PersonRedirect" (
    "fromId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fromSlug" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    CONSTRAINT "PersonRedirect_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "articleSlug" TEXT,
    "quoteText" TEXT,
    "personId" INTEGER,
    "value" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "articleId" INTEGER,
    "actor" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
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
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Article_leadImagePhotographerId_fkey" FOREIGN KEY ("leadImagePhotographerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("contentHash", "createdAt", "headline", "id", "leadImageAgency", "leadImageCaption", "leadImageCredit", "leadImagePhotographerId", "leadImageTitle", "paragraphs", "publishedAt", "slug", "sourceUrl", "status", "updatedAt") SELECT "contentHash", "createdAt", "headline", "id", "leadImageAgency", "leadImageCaption", "leadImageCredit", "leadImagePhotographerId", "leadImageTitle", "paragraphs", "publishedAt", "slug", "sourceUrl", "status", "updatedAt" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt", "id");
CREATE INDEX "Article_leadImagePhotographerId_idx" ON "Article"("leadImagePhotographerId");
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_Person" ("createdAt", "description", "id", "name", "slug", "updatedAt") SELECT "createdAt", "description", "id", "name", "slug", "updatedAt" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_slug_key" ON "Person"("slug");
CREATE INDEX "Person_name_idx" ON "Person"("name");
CREATE TABLE "new_Quote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "text" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "speakerId" INTEGER,
    "paragraph" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "isPartial" BOOLEAN NOT NULL DEFAULT false,
    "speakerRoleAsWritten" TEXT,
    "attribution" TEXT,
    "method" TEXT NOT NULL DEFAULT 'NONE',
    "confidence" REAL NOT NULL DEFAULT 0,
    "sourceAsWritten" TEXT,
    "evidence" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Quote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Quote_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Quote" ("articleId", "attribution", "confidence", "evidence", "id", "isPartial", "method", "paragraph", "position", "sourceAsWritten", "speakerId", "speakerRoleAsWritten", "text") SELECT "articleId", "attribution", "confidence", "evidence", "id", "isPartial", "method", "paragraph", "position", "sourceAsWritten", "speakerId", "speakerRoleAsWritten", "text" FROM "Quote";
DROP TABLE "Quote";
ALTER TABLE "new_Quote" RENAME TO "Quote";
CREATE INDEX "Quote_speakerId_id_idx" ON "Quote"("speakerId", "id");
CREATE INDEX "Quote_confidence_id_idx" ON "Quote"("confidence", "id");
CREATE UNIQUE INDEX "Quote_articleId_position_key" ON "Quote"("articleId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "PersonRedirect_fromSlug_key" ON "PersonRedirect"("fromSlug");

-- CreateIndex
CREATE INDEX "PersonRedirect_personId_idx" ON "PersonRedirect"("personId");

-- CreateIndex
CREATE INDEX "Correction_articleSlug_id_idx" ON "Correction"("articleSlug", "id");

-- CreateIndex
CREATE INDEX "Correction_personId_id_idx" ON "Correction"("personId", "id");

-- CreateIndex
CREATE INDEX "Revision_articleId_id_idx" ON "Revision"("articleId", "id");

-- CreateIndex
CREATE INDEX "Revision_entityType_entityId_id_idx" ON "Revision"("entityType", "entityId", "id");
