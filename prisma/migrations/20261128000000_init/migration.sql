-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "WorkshopPhase" AS ENUM ('draft', 'lobby', 'sorting', 'revealed', 'closed');

-- CreateEnum
CREATE TYPE "Confidence" AS ENUM ('sure', 'unsure');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decks" (
    "id" UUID NOT NULL,
    "slug" TEXT,
    "owner_id" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'en',
    "columns" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "decks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deck_statements" (
    "id" UUID NOT NULL,
    "deck_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "canonical_column" TEXT NOT NULL,
    "explanation" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "deck_statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workshops" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "owner_id" UUID NOT NULL,
    "deck_id" UUID,
    "title" TEXT NOT NULL,
    "deck_snapshot" JSONB NOT NULL,
    "phase" "WorkshopPhase" NOT NULL DEFAULT 'draft',
    "round" INTEGER NOT NULL DEFAULT 1,
    "max_rounds" INTEGER NOT NULL DEFAULT 1,
    "cohort_options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "presenter_key" TEXT NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "timer_ends_at" TIMESTAMPTZ(3),
    "timer_remaining_ms" INTEGER,
    "discussion_index" INTEGER NOT NULL DEFAULT 0,
    "show_live_splits" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "workshops_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phase_events" (
    "id" BIGSERIAL NOT NULL,
    "workshop_id" UUID NOT NULL,
    "phase" "WorkshopPhase" NOT NULL,
    "round" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "phase_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participants" (
    "id" UUID NOT NULL,
    "workshop_id" UUID NOT NULL,
    "nickname" TEXT NOT NULL,
    "nickname_key" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "cohort" TEXT,
    "kicked" BOOLEAN NOT NULL DEFAULT false,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "participants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "placements" (
    "workshop_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "statement_key" TEXT NOT NULL,
    "column" TEXT,
    "confidence" "Confidence",
    "seq" INTEGER NOT NULL,
    "placed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "placements_pkey" PRIMARY KEY ("participant_id","round","statement_key")
);

-- CreateTable
CREATE TABLE "submissions" (
    "workshop_id" UUID NOT NULL,
    "participant_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "by_participant" BOOLEAN NOT NULL,
    "score" INTEGER,
    "total" INTEGER,

    CONSTRAINT "submissions_pkey" PRIMARY KEY ("participant_id","round")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "decks_slug_key" ON "decks"("slug");

-- CreateIndex
CREATE INDEX "decks_owner_id_idx" ON "decks"("owner_id");

-- CreateIndex
CREATE INDEX "deck_statements_deck_id_position_idx" ON "deck_statements"("deck_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "deck_statements_deck_id_key_key" ON "deck_statements"("deck_id", "key");

-- CreateIndex
CREATE INDEX "workshops_owner_id_created_at_idx" ON "workshops"("owner_id", "created_at");

-- CreateIndex
CREATE INDEX "workshops_code_idx" ON "workshops"("code");

-- CreateIndex
CREATE INDEX "phase_events_workshop_id_at_idx" ON "phase_events"("workshop_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "participants_token_hash_key" ON "participants"("token_hash");

-- CreateIndex
CREATE INDEX "participants_workshop_id_idx" ON "participants"("workshop_id");

-- CreateIndex
CREATE UNIQUE INDEX "participants_workshop_id_nickname_key_key" ON "participants"("workshop_id", "nickname_key");

-- CreateIndex
CREATE INDEX "placements_workshop_id_round_idx" ON "placements"("workshop_id", "round");

-- CreateIndex
CREATE INDEX "submissions_workshop_id_round_idx" ON "submissions"("workshop_id", "round");

-- AddForeignKey
ALTER TABLE "decks" ADD CONSTRAINT "decks_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deck_statements" ADD CONSTRAINT "deck_statements_deck_id_fkey" FOREIGN KEY ("deck_id") REFERENCES "decks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_deck_id_fkey" FOREIGN KEY ("deck_id") REFERENCES "decks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phase_events" ADD CONSTRAINT "phase_events_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "participants" ADD CONSTRAINT "participants_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placements" ADD CONSTRAINT "placements_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "placements" ADD CONSTRAINT "placements_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Join codes are unique among sessions that are not closed (Prisma's schema language cannot
-- express a partial index, so it lives here only).
CREATE UNIQUE INDEX "workshops_open_code_key" ON "workshops"("code") WHERE "phase" <> 'closed';
