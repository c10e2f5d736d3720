-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    CONSTRAINT "Quote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Quote_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Quote" ("articleId", "attribution", "id", "isPartial", "paragraph", "position", "speakerId", "speakerRoleAsWritten", "text") SELECT "articleId", "attribution", "id", "isPartial", "paragraph", "position", "speakerId", "speakerRoleAsWritten", "text" FROM "Quote";
DROP TABLE "Quote";
ALTER TABLE "new_Quote" RENAME TO "Quote";
CREATE INDEX "Quote_speakerId_id_idx" ON "Quote"("speakerId", "id");
CREATE INDEX "Quote_confidence_id_idx" ON "Quote"("confidence", "id");
CREATE UNIQUE INDEX "Quote_articleId_position_key" ON "Quote"("articleId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
