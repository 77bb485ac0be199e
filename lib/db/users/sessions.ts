import { db, type PrismaClient } from "@/lib/db/client";
import { isUuid, type UserRecord } from "./reads";

/** Facilitator session validity in the database: the user's session version and the revoked
 *  session ids (design: lib/auth/session-claims.ts). Callers pass validated claims. */

const publicFields = { id: true, email: true, name: true, createdAt: true } as const;

/** The user a session cookie belongs to, if that cookie is still valid: the account exists, the
 *  cookie's version is the account's current one, and its session id was not signed out. One
 *  query (the revocation check is a NOT EXISTS on the primary key), the same count as the plain
 *  user lookup it replaces, so checking on every request costs nothing extra. */
export function findUserForSession(
  claims: { userId: string; sessionId: string; version: number },
  prisma: PrismaClient = db(),
): Promise<UserRecord | null> {
  if (!isUuid(claims.userId) || !isUuid(claims.sessionId)) return Promise.resolve(null);
  return prisma.user.findFirst({
    where: { id: claims.userId, sessionVersion: claims.version, revokedSessions: { none: { sid: claims.sessionId } } },
    select: publicFields,
  });
}

/** The version a new session cookie of this user gets; null when the user does not exist. */
export async function currentSessionVersion(userId: string, prisma: PrismaClient = db()): Promise<number | null> {
  if (!isUuid(userId)) return null;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/** Signs one browser out: its session id is refused until `expiresAt`. Rows whose time has passed
 *  are deleted on the way, so the table holds only sign-outs of the last 30 days. */
export async function revokeSessionId(
  input: { sessionId: string; userId: string; expiresAt: Date; now: Date },
  prisma: PrismaClient = db(),
): Promise<void> {
  if (!isUuid(input.sessionId) || !isUuid(input.userId)) return;
  await prisma.$transaction([
    prisma.revokedSession.deleteMany({ where: { expiresAt: { lt: input.now } } }),
    prisma.revokedSession.createMany({ data: [{ sid: input.sessionId, userId: input.userId, expiresAt: input.expiresAt }], skipDuplicates: true }),
  ]);
}

/** Signs the user out everywhere: every cookie issued so far carries an older version. */
export async function bumpSessionVersion(userId: string, prisma: PrismaClient = db()): Promise<void> {
  if (!isUuid(userId)) return;
  await prisma.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
}
