-- CreateEnum
CREATE TYPE "AttributionMethod" AS ENUM ('SPEECH_VERB', 'COLON', 'ACCORDING_TO', 'QUOTED_AS', 'SURNAME', 'PRONOUN', 'NEXT_PARAGRAPH', 'CONTINUATION', 'NONE');

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "confidence" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "evidence" TEXT,
ADD COLUMN     "method" "AttributionMethod" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "sourceAsWritten" TEXT;

-- CreateIndex
CREATE INDEX "Quote_confidence_id_idx" ON "Quote"("confidence", "id");
