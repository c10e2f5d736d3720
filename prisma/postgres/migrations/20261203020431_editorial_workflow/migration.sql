-- CreateEnum
CREATE TYPE "CorrectionKind" AS ENUM ('REATTRIBUTE_QUOTE', 'EDIT_QUOTE', 'CREATE_QUOTE', 'DELETE_QUOTE', 'EDIT_PERSON');

-- AlterEnum
ALTER TYPE "AttributionMethod" ADD VALUE 'EDITOR';

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "PersonRedirect" (
    "fromId" INTEGER NOT NULL,
    "fromSlug" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,

    CONSTRAINT "PersonRedirect_pkey" PRIMARY KEY ("fromId")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" SERIAL NOT NULL,
    "kind" "CorrectionKind" NOT NULL,
    "articleSlug" TEXT,
    "quoteText" TEXT,
    "personId" INTEGER,
    "value" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" SERIAL NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" INTEGER NOT NULL,
    "articleId" INTEGER,
    "actor" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "PersonRedirect" ADD CONSTRAINT "PersonRedirect_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
