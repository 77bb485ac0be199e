-- AlterTable
ALTER TABLE "participants" ADD COLUMN     "banned" BOOLEAN NOT NULL DEFAULT false;

-- Participants removed before kick and ban were told apart were refused for good (a ban): keep them so.
UPDATE "participants" SET "banned" = true WHERE "kicked";
