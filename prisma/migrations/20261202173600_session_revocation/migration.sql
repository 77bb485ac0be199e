-- Facilitator sign-out that really ends sessions (lib/auth/session-validity.ts).
-- session_version: every session cookie carries the version it was issued under; "sign out
-- everywhere" (and a future password change) increments it, which voids every earlier cookie.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- Sign-out of one browser: its cookie's session id, refused until every copy of it has expired.
-- CreateTable
CREATE TABLE "revoked_sessions" (
    "sid" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "revoked_sessions_pkey" PRIMARY KEY ("sid")
);

-- CreateIndex
CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions"("expires_at");

-- CreateIndex
CREATE INDEX "revoked_sessions_user_id_idx" ON "revoked_sessions"("user_id");

-- AddForeignKey
ALTER TABLE "revoked_sessions" ADD CONSTRAINT "revoked_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
