-- AlterTable
-- What a nickname looks like (lib/domain/nickname.ts nicknameSkeleton: NFKC, blank and invisible
-- characters removed, Unicode TR39 confusable skeleton). Unique per session beside nickname_key,
-- so "Pat" plus an invisible character, or Cyrillic "Pаt", is NICKNAME_TAKEN when "Pat" is in.
-- Rows from before keep NULL (SQL cannot compute a skeleton), which a unique index ignores.
ALTER TABLE "participants" ADD COLUMN     "nickname_skeleton" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "participants_workshop_id_nickname_skeleton_key" ON "participants"("workshop_id", "nickname_skeleton");
