import { db, type PrismaClient } from "@/lib/db/client";
import type { UserRecord } from "./reads";

/** User writes. Callers pass explicit, already-validated values (email trimmed + lowercased,
 *  password already hashed); permission decisions belong to the caller. */

export type CreateUserResult = { ok: true; user: UserRecord } | { ok: false; code: "EMAIL_TAKEN" };

const publicFields = { id: true, email: true, name: true, createdAt: true } as const;

export async function createUser(
  input: { email: string; passwordHash: string | null; name?: string | null },
  prisma: PrismaClient = db(),
): Promise<CreateUserResult> {
  try {
    const user = await prisma.user.create({
      data: { email: input.email, passwordHash: input.passwordHash, name: input.name ?? null },
      select: publicFields,
    });
    return { ok: true, user };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "EMAIL_TAKEN" };
    throw error;
  }
}

/** The password account with this email: created, or given this password hash if it exists
 *  (`npm run demo` re-keys its demo account with a fresh password on every run). */
export function upsertPasswordUser(input: { email: string; passwordHash: string; name?: string | null }, prisma: PrismaClient = db()): Promise<UserRecord> {
  return prisma.user.upsert({
    where: { email: input.email },
    create: { email: input.email, passwordHash: input.passwordHash, name: input.name ?? null },
    update: { passwordHash: input.passwordHash },
    select: publicFields,
  });
}

/** For OAuth sign-ins: the user with this email, created (without a password) if missing. An
 *  existing account keeps its name and password. Safe against two concurrent first sign-ins. */
export async function upsertOAuthUser(
  input: { email: string; name?: string | null },
  prisma: PrismaClient = db(),
): Promise<UserRecord> {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: publicFields });
  if (existing) return existing;
  const created = await createUser({ email: input.email, passwordHash: null, name: input.name }, prisma);
  if (created.ok) return created.user;
  const raced = await prisma.user.findUnique({ where: { email: input.email }, select: publicFields });
  if (!raced) throw new Error("user vanished after a unique violation on email");
  return raced;
}

/** Prisma's P2002 (unique constraint failed). Checked by code rather than `instanceof` so it
 *  also holds across Next's separately bundled copies of the generated client. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
