-- AlterTable
-- What a personal API token may do (lib/domain/token-scope.ts): 'read' lists sessions and reads
-- reports and results, 'sessions' may also create sessions and change their phase. Every token
-- created before scopes existed was created as a read-only credential, so it stays 'read' (the
-- default); its owner creates a 'sessions' token to run sessions. The CHECK keeps a typo or an
-- older server from storing a scope the API does not know.
ALTER TABLE "api_tokens" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'read';
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_scope_check" CHECK ("scope" IN ('read', 'sessions'));
